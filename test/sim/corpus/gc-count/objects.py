# gc.get_count() after instances, calls and closures: an instance (3.10: and its __dict__), a
# function with its cells and closure tuple, 3.10's frame objects, the argument tuple of a class call.
import gc


class Node:
    def __init__(self, v):
        self.v = v


class Empty:
    pass


def make(n):
    def inner():
        return n
    return inner


def plain(x):
    return x


def main():
    gc.disable()
    gc.collect()
    r = [gc.get_count()]
    e1 = Empty()
    r.append(gc.get_count())
    n1 = Node(1)
    r.append(gc.get_count())
    n2 = Node(v=2)
    n2.other = n1
    r.append(gc.get_count())
    plain(1)
    r.append(gc.get_count())
    plain([1])
    r.append(gc.get_count())
    f1 = make(1)
    r.append(gc.get_count())
    f2 = make(2)
    r.append(gc.get_count())
    del f1, n2
    r.append(gc.get_count())
    gc.enable()
    for c in r:
        print(c)


main()
