import sys
rules = []
a = 256
b = int("256")
rules.append(a is b)
c = 257
d = int("257")
rules.append(c is d)
e = sys.intern("".join(["x", "y", "z", "!"]))
f = sys.intern("xyz!")
rules.append(e is f)
print(rules)
