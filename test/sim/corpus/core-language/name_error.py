x = 1
print(x)
print(y)
print("unreached")
x = 2
