t = (1, 2, 3)
print(t[:] is t)
u = tuple(t)
print(u is t)
l = [1, 2, 3]
print(l[:] is l)
