d = {}
d["banana"] = 3
d["apple"] = 1
d["cherry"] = 2
for k in d:
    print(k, d[k])
d["apple"] = 100
print(list(d))
del d["banana"]
d["banana"] = 0
print(list(d))
