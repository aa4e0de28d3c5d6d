import gc
import weakref

class Node:
    pass

gc.disable()
a = Node()
b = Node()
a.other = b
b.other = a
wa = weakref.ref(a)
del a, b
print(wa() is None)
gc.collect()
print(wa() is None)
gc.enable()
