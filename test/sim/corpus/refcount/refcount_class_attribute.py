import sys

class Registry:
    items = []

entry = ["entry"]
Registry.items.append(entry)
r1 = Registry()
r2 = Registry()
print(sys.getrefcount(entry) - 1)
print(r1.items is r2.items)
Registry.items.clear()
print(sys.getrefcount(entry) - 1)
