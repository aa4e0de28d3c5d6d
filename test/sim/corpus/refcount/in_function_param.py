import sys

def count(obj):
    return sys.getrefcount(obj) - 1

items = [1, 2, 3]
print(count(items))
print(sys.getrefcount(items) - 1)
