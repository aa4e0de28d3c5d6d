a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b))
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a), len(a), 3 in a)
