import weakref

class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Node(" + self.name + ")"

cache = weakref.WeakValueDictionary()
a = Node("a")
b = Node("b")
c = Node("c")
cache["a"] = a
cache["b"] = b
cache["c"] = c
print(list(cache.keys()))
print(list(cache.values()))
del b
print(list(cache.items()))
for k in cache:
    print(k, cache[k].name)
print(len(cache), "b" in cache)
vals = list(cache.values())
del a, c
print(len(cache), vals)
del vals
print(len(cache), list(cache))
