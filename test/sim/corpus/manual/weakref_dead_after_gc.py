import gc
import weakref

class Node:
    pass

gc.disable()
n = Node()
n.loop = [n]
w = weakref.ref(n)
del n
print(w() is None)
print(gc.collect())
print(w() is None)
gc.enable()
