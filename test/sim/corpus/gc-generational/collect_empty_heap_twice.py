import gc
print(gc.collect())
print(gc.collect())
print(gc.collect(1))
