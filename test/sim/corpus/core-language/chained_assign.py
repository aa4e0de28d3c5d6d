a = b = c = [0]
a.append(1)
print(b, c)
print(a is b is c)
x = y = 5
x += 1
print(x, y)
