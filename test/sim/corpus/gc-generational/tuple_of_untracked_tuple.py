# A run-time tuple of atomic values starts untracked on 3.14, but one holding a tuple (even an
# untracked one) is tracked from the start and counts in gc.get_count().
import gc


def main():
    a = None
    b = (a,)
    d = (b,)
    e = (1, "x", 2.5)
    f = (e, 1)
    print(gc.is_tracked(b), gc.is_tracked(d), gc.is_tracked(e), gc.is_tracked(f))
    gc.disable()
    gc.collect()
    before = gc.get_count()
    g = (b, 2)
    h = (a, 3)
    after = gc.get_count()
    gc.enable()
    print(before, after, gc.is_tracked(g), gc.is_tracked(h))


main()
