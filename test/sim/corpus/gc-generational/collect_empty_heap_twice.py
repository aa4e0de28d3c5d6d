import gc
print(gc.collect())
print(gc.collect())
print(gc.collect(1))
data = [1, 2, 3]
print(gc.collect(), data)
