import gc
import weakref

class Obj:
    pass

gc.disable()
o = Obj()
o.me = o
w = weakref.ref(o)
del o
print(w() is not None)
print(gc.collect())
print(w() is None)
