import gc
gc.disable()
a = [1]
b = [2]
a.append(b)
b.append(a)
del a
del b
print(gc.collect())
