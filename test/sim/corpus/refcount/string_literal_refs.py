import sys
s = "a rather unique string, not interned"
print(sys.getrefcount(s) - 1 >= 1)
t = s
print(sys.getrefcount(s) - sys.getrefcount(t))
