import sys
import gc
gc.disable()
a = {}
b = {"a": a}
a["b"] = b
print(sys.getrefcount(a) - 1, sys.getrefcount(b) - 1)
del a
print(sys.getrefcount(b) - 1)
print(gc.collect())
del b
print(gc.collect())
