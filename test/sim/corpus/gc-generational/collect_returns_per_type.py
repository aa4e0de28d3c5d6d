import gc
gc.disable()
a = []
a.append(a)
del a
print("list", gc.collect())
d = {}
d["d"] = d
del d
print("dict", gc.collect())
t = [[]]
t[0].append(t)
del t
print("nested", gc.collect())
