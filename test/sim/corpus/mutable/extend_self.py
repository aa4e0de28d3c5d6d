a = [1, 2]
a.extend(a)
print(a)
a.append(a)
print(len(a), a[4] is a)
