# gc.get_count() around built-in calls and methods of built-in types: a list from split() or
# sorted() counts one, a set one, a method call none (LOAD_METHOD), a bound method one.
import gc, sys, weakref
class P:
    def __init__(self, a=None):
        self.a = a
    def m(self, x):
        return [x]
    @property
    def prop(self):
        return self.a
def va(*args, **kw):
    return len(args) + len(kw)
def dflt(x, y=[]):
    return y
def main():
    gc.disable()
    gc.collect()
    r = [gc.get_count()]
    s = {1, 2, 3}
    r.append(gc.get_count())
    words = "a b c".split()
    r.append(gc.get_count())
    j = "-".join(words)
    r.append(gc.get_count())
    for w in words:
        pass
    r.append(gc.get_count())
    srt = sorted([3, 1, 2])
    r.append(gc.get_count())
    x, y = [1, 2]
    r.append(gc.get_count())
    c = words + words
    r.append(gc.get_count())
    words += ["d"]
    r.append(gc.get_count())
    p = P(1)
    r.append(gc.get_count())
    q = p.m(3)
    r.append(gc.get_count())
    bm = p.m
    r.append(gc.get_count())
    pr = p.prop
    r.append(gc.get_count())
    n = va(1, 2, k=3)
    r.append(gc.get_count())
    dl = dflt(1)
    r.append(gc.get_count())
    wr = weakref.ref(p)
    r.append(gc.get_count())
    rc = sys.getrefcount(p)
    r.append(gc.get_count())
    lam = lambda t: t
    r.append(gc.get_count())
    ln = len(words) + id(p) % 2
    r.append(gc.get_count())
    fs = f"{n}{j}"
    r.append(gc.get_count())
    try:
        v2 = 1
    finally:
        v3 = 2
    r.append(gc.get_count())
    l2 = list(range(3))
    r.append(gc.get_count())
    t2 = tuple(l2)
    r.append(gc.get_count())
    ok = isinstance(p, P) and hasattr(p, "a")
    r.append(gc.get_count())
    g = getattr(p, "a")
    r.append(gc.get_count())
    pp = l2.pop()
    l2.insert(0, 5)
    l2.extend([7, 8])
    r.append(gc.get_count())
    cp2 = l2.copy()
    r.append(gc.get_count())
    ks = list({"a": 1}.keys())
    r.append(gc.get_count())
    m2 = max([1, 2])
    r.append(gc.get_count())
    for c in r:
        print(c)
main()

