a = 1000
b = 999 + 1
print(a is b)
n = 999
c = n + 1
print(a is c)
print(a == c)
