a = [1, 2, 3]
del a[0]
print(a)
print(len(a))
del a[5]
