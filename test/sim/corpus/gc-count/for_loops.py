# gc.get_count() around for loops: a list display iterated over is built as a tuple (fold_iter),
# a constant one is a code constant; the iterator comes and goes.
import gc
def main():
    x = [1]
    gc.disable()
    gc.collect()
    r = [gc.get_count()]
    for q in [x, x]:
        pass
    r.append(gc.get_count())
    y = [2]
    r.append(gc.get_count())
    for q in (x, y):
        pass
    r.append(gc.get_count())
    z = [3]
    r.append(gc.get_count())
    for q in [1, 2]:
        pass
    r.append(gc.get_count())
    print(r)
main()
