a = ()
b = tuple()
c = tuple([])
print(a is b, b is c)
d = []
e = []
print(d is e)
