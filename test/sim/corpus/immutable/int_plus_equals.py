x = 42
y = x
x += 1
print(x, y)
print(x is y)
