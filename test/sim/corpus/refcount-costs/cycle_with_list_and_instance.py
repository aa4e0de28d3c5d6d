import gc

class Holder:
    pass

gc.disable()
h = Holder()
h.items = [h]
del h
print(gc.collect())
