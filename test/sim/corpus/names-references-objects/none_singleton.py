a = None
b = None
print(a is b)
def nothing():
    pass
print(nothing() is None)
print(type(None).__name__)
