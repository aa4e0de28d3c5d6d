import gc
gc.disable()
gc.collect()
a = []
a.append(a)
a.append(tuple([1, 2]))
a.append(("x", 3))
a.append(tuple([[]]))
del a
print(gc.collect())
b = [tuple(range(3))]
b.append(b)
gc.collect()
b.append(tuple(["k", 2.5]))
del b
print(gc.collect())
