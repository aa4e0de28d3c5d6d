import gc

class Node:
    pass

gc.disable()
n = Node()
n.items = [n, {"n": n}]
del n
print(gc.collect())
