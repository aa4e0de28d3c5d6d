import sys
obj = []
names = {}
for i in range(10):
    names["n" + str(i)] = obj
print(sys.getrefcount(obj) - 1)
names.clear()
print(sys.getrefcount(obj) - 1)
