x = None
print(x == None, x is None)
print(x != 0, not x)
print(str(x), type(x).__name__)
y = x
print(y is x)
