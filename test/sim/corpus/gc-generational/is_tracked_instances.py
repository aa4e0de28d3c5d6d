import gc

class Empty:
    pass

class Slotted:
    __slots__ = ()

print(gc.is_tracked(Empty()))
print(gc.is_tracked(Slotted()))
print(gc.is_tracked({}))
print(gc.is_tracked({1: 2}))
print(gc.is_tracked({1: [2]}))
