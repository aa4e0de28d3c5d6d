import sys
data = [10, 20, 30]
print(sys.getrefcount(data) - 1)
alias = data
print(sys.getrefcount(data) - 1)
box = [data, data]
print(sys.getrefcount(data) - 1)
del box
print(sys.getrefcount(data) - 1)
del alias
print(sys.getrefcount(data) - 1)
