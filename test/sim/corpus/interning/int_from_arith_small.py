a = 100
b = 50 + 50
c = int("100")
print(a is b, a is c, b is c)
x = 300
y = 150 + 150
print(x == y)
