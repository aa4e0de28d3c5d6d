import sys
sizes = []
for e in [0, 1, 29, 30, 59, 60, 89, 90, 200]:
    sizes.append(sys.getsizeof(2 ** e))
print(sizes)
print(sys.getsizeof(-1), sys.getsizeof(0))
