import sys
obj = {"x": 1}
a, b = obj, obj
print(sys.getrefcount(obj) - 1)
pair = (a, b)
print(sys.getrefcount(obj) - 1)
del pair, a, b
print(sys.getrefcount(obj) - 1)
