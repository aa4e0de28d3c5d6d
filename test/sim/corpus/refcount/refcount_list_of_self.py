import sys
a = []
for i in range(3):
    a.append(a)
print(sys.getrefcount(a) - 1)
a.clear()
print(sys.getrefcount(a) - 1)
