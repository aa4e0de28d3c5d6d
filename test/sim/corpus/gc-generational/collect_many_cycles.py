import gc
gc.disable()
for i in range(10):
    a = [i]
    a.append(a)
del a
print(gc.collect())
