a = [1]
b = [2]
a, b = b, a
print(a, b)
c = a
a, b = b, a
print(c is b)
