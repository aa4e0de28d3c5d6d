import gc
gc.disable()
a = [1]
b = [2]
a.append(b)
b.append(a)
keep = b
del a, b
print(gc.collect())
print(keep[1][0])
del keep
print(gc.collect())
