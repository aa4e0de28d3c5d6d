import gc
gc.disable()
gc.collect()
print(gc.collect(1))
a = []
a.append(a)
del a
# the cycle is in the youngest generation: collect(0) finds it on every version
print(gc.collect(0))
b = {}
b["self"] = b
del b
print(gc.collect(0), gc.collect(1), gc.collect(2))
gc.set_threshold(500, 4, 3)
print(gc.get_threshold())
