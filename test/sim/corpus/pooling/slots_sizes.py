import sys, gc
class A:
    __slots__ = ("a", "b")
class B:
    __slots__ = ("a", "__weakref__")
class C:
    __slots__ = ("a", "__dict__")
class D:
    __slots__ = ()
class E:
    __slots__ = ("__weakref__",)
class F:
    __slots__ = "x"
class G:
    __slots__ = ("a", "b", "__dict__", "__weakref__")
class H:
    pass
for k in (A, B, C, D, E, F, G, H):
    o = k()
    print(k.__name__, sys.getrefcount(k), sys.getsizeof(o), gc.is_tracked(o))
