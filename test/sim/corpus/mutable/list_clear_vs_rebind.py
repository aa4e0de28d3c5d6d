a = [1, 2, 3]
b = a
a.clear()
print(a, b)
c = [1, 2, 3]
d = c
c = []
print(c, d)
