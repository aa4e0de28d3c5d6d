x = [0]
before = id(x)
x.append(1)
x.extend([2, 3])
print(id(x) == before)
x = x + [4]
print(id(x) == before)
