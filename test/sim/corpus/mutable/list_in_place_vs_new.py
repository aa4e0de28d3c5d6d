a = [3, 1, 2]
b = a
a.sort()
print(b)
a = sorted(a, reverse=True)
print(a, b)
b.reverse()
print(b)
