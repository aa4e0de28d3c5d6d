def make():
    return 500

a = make()
b = make()
print(a is b)
c = 500
print(a is c)
