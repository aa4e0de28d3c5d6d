import gc
gc.disable()
class Box:
    pass
outer = Box()
outer.inner = Box()
outer.inner.back = outer
print(gc.collect())
holder = outer.inner
del outer
print(gc.collect())
del holder
print(gc.collect())
