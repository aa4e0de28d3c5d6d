# gc.get_count() around calls: 3.10 keeps one frame object per function (a recursion needs
# more, from the free list), closures add a cell and a closure tuple, __del__ runs on free.
import gc
import weakref
class N:
    count = 0
    def __init__(self, v):
        self.v = v
        N.count += 1
    def get(self):
        return self.helper() + 1
    def helper(self):
        return self.v
class D:
    def __del__(self):
        pass
def rec(n):
    if n == 0:
        return []
    return rec(n - 1)
def outer():
    total = 0
    def add(k):
        nonlocal total
        total += k
        return total
    add(1)
    return add
def cb(ref):
    pass
def main():
    gc.disable()
    gc.collect()
    r = [gc.get_count()]
    i = 0
    while i < 3:
        i += 1
    r.append(gc.get_count())
    x = rec(3)
    r.append(gc.get_count())
    y = rec(2)
    r.append(gc.get_count())
    a = outer()
    r.append(gc.get_count())
    n = N(1)
    r.append(gc.get_count())
    g = n.get()
    r.append(gc.get_count())
    dl = D()
    del dl
    r.append(gc.get_count())
    o = N(2)
    del o
    r.append(gc.get_count())
    lst = [[], [], []]
    lst[0] = {}
    del lst[1]
    r.append(gc.get_count())
    s = "ab" + "cd" * 3
    r.append(gc.get_count())
    f = lambda q=[]: q
    r.append(gc.get_count())
    sets = {(1, 2), (3, 4)}
    r.append(gc.get_count())
    mat = [[j for j in range(2)] for k in range(2)]
    r.append(gc.get_count())
    for c in r:
        print(c)
main()

