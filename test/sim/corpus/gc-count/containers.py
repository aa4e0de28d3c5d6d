# gc.get_count() after lists, dicts and tuples: each new container object counts one, unless
# a free list hands back one freed earlier; a collection of generation n zeroes 0..n.
import gc


def main():
    gc.disable()
    gc.collect()
    r = [gc.get_count()]
    a = []
    r.append(gc.get_count())
    b = [1, 2]
    d = {"k": b}
    t = (a, b)
    r.append(gc.get_count())
    del t
    r.append(gc.get_count())
    u = (b, d)
    r.append(gc.get_count())
    del d, u
    r.append(gc.get_count())
    sq = [x * x for x in range(4)]
    ds = {x: [x] for x in range(3)}
    r.append(gc.get_count())
    del sq, ds
    r.append(gc.get_count())
    gc.collect(0)
    r.append(gc.get_count())
    tmp = [(i, i) for i in range(3)]
    r.append(gc.get_count())
    gc.collect(1)
    r.append(gc.get_count())
    gc.collect(0)
    r.append(gc.get_count())
    gc.collect()
    r.append(gc.get_count())
    gc.enable()
    for c in r:
        print(c)


main()
