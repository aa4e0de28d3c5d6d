a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
(p, q), r = (1, 2), 3
print(p, q, r)
