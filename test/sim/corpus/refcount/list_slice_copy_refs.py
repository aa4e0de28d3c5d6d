import sys
a = [1]
b = [a, a]
c = b[:]
print(sys.getrefcount(a) - 1)
c.clear()
print(sys.getrefcount(a) - 1)
