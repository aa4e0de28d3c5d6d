import gc
gc.collect()
print(gc.get_count()[1:])
gc.collect()
counts = gc.get_count()
print(len(counts))
