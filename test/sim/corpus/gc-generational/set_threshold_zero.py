import gc
gc.set_threshold(0)
print(gc.get_threshold()[0])
a = []
a.append(a)
del a
print(gc.collect())
