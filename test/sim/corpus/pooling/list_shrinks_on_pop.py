import sys
lst = list(range(20))
start = sys.getsizeof(lst)
while len(lst) > 2:
    lst.pop()
print(start, sys.getsizeof(lst))
print(sys.getsizeof(lst) < start)
