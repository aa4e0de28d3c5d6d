import sys

class Counter:
    def refs(self):
        return sys.getrefcount(self) - 1

c = Counter()
print(c.refs())
print(sys.getrefcount(c) - 1)
