a = 1000
b = 1000
print(a is b)
s = "hello world!"
t = "hello world!"
print(s is t)
