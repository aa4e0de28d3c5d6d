import sys

class Box:
    pass

b = Box()
print(sys.getrefcount(b) - 1)
b.me = b
print(sys.getrefcount(b) - 1)
del b.me
print(sys.getrefcount(b) - 1)
