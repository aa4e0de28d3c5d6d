a = 1.5
b = a
print(a is b)
c = float("1.5")
print(a is c, a == c)
