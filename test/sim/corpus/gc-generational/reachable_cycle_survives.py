import gc
gc.disable()
a = [1]
b = [2]
a.append(b)
b.append(a)
print(gc.collect())
print(a[0], b[0])
del a
print(gc.collect())
print(b[1][0])
