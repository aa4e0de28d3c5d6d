import gc
gc.disable()
gc.collect()
before = gc.get_count()[0]
keep = []
for i in range(10):
    keep.append([i])
after = gc.get_count()[0]
print(after - before >= 10)
