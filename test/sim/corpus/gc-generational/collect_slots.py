import gc

class Pair:
    __slots__ = ("left", "right")

gc.disable()
p = Pair()
q = Pair()
p.left = q
q.left = p
del p, q
print(gc.collect())
