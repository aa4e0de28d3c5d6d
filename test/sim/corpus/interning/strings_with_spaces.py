a = "hello world"
b = "hello world"
print(a is b)
c = "".join(["hello", " ", "world"])
print(a is c, a == c)
