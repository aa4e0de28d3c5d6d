import gc
gc.disable()
d1 = {}
d2 = {}
d1["other"] = d2
d2["other"] = d1
del d1, d2
print(gc.collect())
