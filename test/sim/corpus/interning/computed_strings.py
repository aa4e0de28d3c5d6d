a = "hello"
b = "hel" + "lo"
print(a is b)
part = "hel"
c = part + "lo"
print(a is c)
print(a == c)
