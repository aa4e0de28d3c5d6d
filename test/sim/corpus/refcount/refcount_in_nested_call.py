import sys

def depth2(x):
    return sys.getrefcount(x) - 1

def depth1(x):
    y = x
    return depth2(y)

value = [0]
print(depth2(value))
print(depth1(value))
print(sys.getrefcount(value) - 1)
