a = 2.5
b = 2.5
print(a is b)
c = float("2.5")
print(a is c, a == c)
