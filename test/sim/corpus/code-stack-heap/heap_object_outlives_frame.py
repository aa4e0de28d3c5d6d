def build():
    data = [1, 2, 3]
    return data

r1 = build()
r2 = build()
print(r1 == r2, r1 is r2)
r1.append(4)
print(r1, r2)
