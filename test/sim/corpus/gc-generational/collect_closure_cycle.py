import gc
gc.disable()

def make():
    def f():
        return f
    return f

g = make()
del g
print(gc.collect())
