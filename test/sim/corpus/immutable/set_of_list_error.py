s = {1, 2}
s.add((3, 4))
print(len(s))
item = [5]
s.add(item)
