a = "abc"[1]
b = "b"
print(a is b)
c = "".join([])
print(c == "", len(c))
d = str()
print(d is c)
