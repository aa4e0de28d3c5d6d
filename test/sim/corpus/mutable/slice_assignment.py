a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [None, None, None, None]
print(a)
del a[1:3]
print(a)
