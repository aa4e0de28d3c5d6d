import gc
gc.disable()
a = []
a.append(a)
del a
gc.enable()
print(gc.isenabled())
print(gc.collect())
print(gc.collect())
