a = ["kept"]
b = a
del a
print(b)
print(b is not None)
