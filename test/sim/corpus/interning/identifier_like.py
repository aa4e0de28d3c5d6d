x = "".join(["py", "thon"])
y = "python"
print(x is y)
print(x == y)
z = "_".join(["a", "b"])
w = "a_b"
print(z is w, z == w)
