import sys, gc, weakref
class P:
    __slots__ = ("x", "__dict__")
    def __init__(self):
        self.x = 1
        self.extra = [2]
p = P()
print(p.x, p.extra, p.__dict__)
gc.disable()
p.me = p
del p
print(gc.collect())
class Q:
    __slots__ = ("y",)
q = Q()
try:
    weakref.ref(q)
except TypeError as e:
    print(e)
try:
    q.z = 1
except AttributeError as e:
    print(e)
class R(Q):
    __slots__ = ("__weakref__",)
r = R()
r.y = 3
w = weakref.ref(r)
print(w().y, sys.getsizeof(r))
del r
print(w())
