# gc.get_count() and the free lists: a freed list waits on the list free list and the next []
# takes it (no count), but list() and dict() allocate through tp_alloc and always count; a class
# called with keywords packs them into a dict and a tuple for the duration of the call.
import gc


class N:
    def __init__(self, o):
        self.o = o


def main():
    gc.disable()
    gc.collect()
    r = [gc.get_count()]
    a = [1, 2]
    del a
    r.append(gc.get_count())
    b = [3]
    r.append(gc.get_count())
    del b
    c = list((1, 2))
    r.append(gc.get_count())
    d = {}
    del d
    e = dict()
    r.append(gc.get_count())
    s = sorted([2, 1])
    r.append(gc.get_count())
    n1 = N(o=s)
    r.append(gc.get_count())
    n2 = N(o=c)
    r.append(gc.get_count())
    t = tuple(s)
    r.append(gc.get_count())
    gc.enable()
    for x in r:
        print(x)


main()
