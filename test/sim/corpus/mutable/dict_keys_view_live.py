d = {"a": 1}
keys = d.keys()
print(len(keys))
d["b"] = 2
print(len(keys), "b" in keys)
