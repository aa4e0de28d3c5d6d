a = "ab" * 3
b = "ababab"
print(a is b)
c = "x" * 5000
d = "x" * 5000
print(c == d)
