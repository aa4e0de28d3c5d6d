a = [1, 2, 3]
b = [1, 2, 3]
print(a == b)
print(a is b)
print(id(a) == id(b))
