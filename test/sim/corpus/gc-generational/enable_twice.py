import gc
gc.enable()
gc.enable()
print(gc.isenabled())
gc.disable()
gc.disable()
print(gc.isenabled())
gc.enable()
