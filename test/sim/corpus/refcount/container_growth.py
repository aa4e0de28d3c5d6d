import sys
obj = [0]
holders = []
for i in range(5):
    holders.append(obj)
print(sys.getrefcount(obj) - 1)
holders = holders[:2]
print(sys.getrefcount(obj) - 1)
holders = []
print(sys.getrefcount(obj) - 1)
