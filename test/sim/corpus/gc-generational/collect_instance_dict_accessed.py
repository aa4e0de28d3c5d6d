import gc

class Plain:
    pass

gc.disable()
p = Plain()
p.self_ref = p
print(len(p.__dict__))
del p
print(gc.collect())
