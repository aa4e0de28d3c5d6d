import sys
t = (1, 2)
s = {t}
print(sys.getrefcount(t) - 1)
s.add(t)
print(sys.getrefcount(t) - 1)
s.discard(t)
print(sys.getrefcount(t) - 1)
