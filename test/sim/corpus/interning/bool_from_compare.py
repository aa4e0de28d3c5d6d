a = 1 < 2
b = bool(1)
print(a is b, a is True)
c = 2 < 1
print(c is False)
