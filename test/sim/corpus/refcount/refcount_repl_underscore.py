import sys
data = [1, 2, 3]
data
print(sys.getrefcount(data) - 1)
other = [4]
print(sys.getrefcount(data) - 1)
