s = {1, 2}
s.add((3, 4))
print(len(s))
s.add([5])
