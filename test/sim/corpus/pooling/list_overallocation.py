import sys
lst = []
sizes = [sys.getsizeof(lst)]
for i in range(20):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != sizes[-1]:
        sizes.append(size)
print(sizes)
