a = 3 > 2
b = not False
print(a is True, b is True)
print(a is b)
print(True + True, True == 1)
