import gc
gc.disable()
gc.collect()
class A:
    pass
del A
print("empty", gc.collect())
class B:
    def f(self):
        pass
    def g(self):
        pass
del B
print("methods", gc.collect())
class C:
    __slots__ = ("x", "y")
del C
print("slots", gc.collect())
class D:
    """doc"""
    n = 1
    items = []
del D
print("attrs", gc.collect())
class E:
    pass
class F(E):
    pass
del F
print("sub", gc.collect())
del E
print("base", gc.collect())
class G:
    pass
g = G()
del G, g
print("inst", gc.collect())
class P:
    pass
class Q(P):
    def m(self):
        return 1
del P, Q
print("both", gc.collect())
class S:
    __slots__ = ("a", "__weakref__")
class T(S):
    __slots__ = ("b",)
del T, S
print("slotted pair", gc.collect())
class Node:
    def __init__(self):
        self.me = self
n = Node()
del n
print("instance cycle", gc.collect())
del Node
print("its class", gc.collect())
