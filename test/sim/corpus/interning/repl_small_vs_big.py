a = 256
b = 256
print(a is b)
c = 257
d = 257
print(c is d)
print(c == d)
