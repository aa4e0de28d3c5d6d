import sys
s = set()
print(sys.getsizeof(s))
for i in range(6):
    s.add(i)
print(sys.getsizeof(s))
print(sys.getsizeof({1, 2, 3}) == sys.getsizeof(set([1, 2, 3])))
