import sys
item = ["shared"]
bag = [item, item, item]
for x in bag:
    print(sys.getrefcount(item) - 1)
print(sys.getrefcount(item) - 1)
