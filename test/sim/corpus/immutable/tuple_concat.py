a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
print(len(a), len(b))
