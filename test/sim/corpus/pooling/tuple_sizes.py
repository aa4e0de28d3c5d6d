import sys
for n in range(4):
    t = tuple(range(n))
    print(n, sys.getsizeof(t))
print(sys.getsizeof((1, 2)) - sys.getsizeof((1,)))
