s = {1, 2}
s.discard(5)
print(len(s))
print(5 in s)
s.remove(5)
