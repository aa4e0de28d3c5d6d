import sys
d = {}
print(sys.getsizeof(d))
for i in range(10):
    d[i] = i
    print(i + 1, sys.getsizeof(d))
