import sys
k = ("key", 1)
v = ["value"]
d = {k: v}
print(sys.getrefcount(k) - 1, sys.getrefcount(v) - 1)
d2 = dict(d)
print(sys.getrefcount(k) - 1, sys.getrefcount(v) - 1)
del d, d2
print(sys.getrefcount(k) - 1, sys.getrefcount(v) - 1)
