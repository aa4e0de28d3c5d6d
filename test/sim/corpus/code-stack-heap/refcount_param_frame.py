import sys

def inspect(obj):
    return sys.getrefcount(obj) - 1

def wrapper(obj):
    return inspect(obj)

data = []
print(inspect(data))
print(wrapper(data))
