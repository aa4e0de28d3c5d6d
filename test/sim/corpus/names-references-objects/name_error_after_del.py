x = 5
y = x
del x
print("deleted", y)
print(x)
