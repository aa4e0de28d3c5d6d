import gc

class Plain:
    pass

gc.disable()
p = Plain()
p.self_ref = p
del p
print(gc.collect())
