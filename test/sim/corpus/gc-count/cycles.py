# gc.get_count() with the collector enabled, well below its threshold: nothing collects on its
# own; a cycle keeps counting until a collection finds it, and count 1 counts young collections.
import gc


class Pair:
    pass


def main():
    gc.enable()
    gc.collect()
    r = [gc.get_count()]
    p = Pair()
    q = Pair()
    p.other = q
    q.other = p
    r.append(gc.get_count())
    del p, q
    r.append(gc.get_count())
    lst = []
    lst.append(lst)
    del lst
    r.append(gc.get_count())
    found = gc.collect(0)
    r.append(gc.get_count())
    keep = [[i] for i in range(5)]
    r.append(gc.get_count())
    gc.collect(0)
    r.append(gc.get_count())
    print(found, len(keep))
    for c in r:
        print(c)


main()
