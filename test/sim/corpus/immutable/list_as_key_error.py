d = {}
d[(1, 2)] = "ok"
print(d)
key = [1, 2]
d[key] = "not ok"
