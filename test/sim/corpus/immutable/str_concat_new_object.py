s = "abc"
t = s
s += "d"
print(s, t, s is t)
print(len(s), len(t))
