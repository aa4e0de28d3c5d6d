import gc
gc.disable()
print(gc.isenabled())
garbage = []
for i in range(3):
    x = {"i": i}
    x["self"] = x
del x
print(gc.collect())
gc.enable()
print(gc.isenabled())
