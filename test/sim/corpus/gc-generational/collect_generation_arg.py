import gc
gc.disable()
x = []
x.append(x)
del x
print(gc.collect(0))
print(gc.collect(2))
