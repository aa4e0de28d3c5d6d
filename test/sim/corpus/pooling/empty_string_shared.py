a = ""
b = str()
c = "abc"[0:0]
print(a is b, a is c)
print(len(a), a == c)
