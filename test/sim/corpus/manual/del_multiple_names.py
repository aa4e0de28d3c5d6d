a = b = c = [1, 2]
del a, b
print(c)
del c
print("all gone")
