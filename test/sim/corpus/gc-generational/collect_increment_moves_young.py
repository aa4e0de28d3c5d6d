import gc
gc.disable()
gc.collect()
keep = []
keep.append(keep)
print(gc.collect(1))
del keep
print(gc.collect(0))
print(gc.collect(2))
