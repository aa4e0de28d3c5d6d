inner = [1, 2]
t = (inner, 3)
inner.append(99)
print(t)
print(t[0] is inner)
