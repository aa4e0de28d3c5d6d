import gc

class C:
    pass

print(gc.is_tracked(C()))
print(gc.is_tracked([1, 2]))
print(gc.is_tracked((1, 2)))
print(gc.is_tracked(([],)))
print(gc.is_tracked("s"), gc.is_tracked(3.5), gc.is_tracked(None))
