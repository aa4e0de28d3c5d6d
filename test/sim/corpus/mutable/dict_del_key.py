d = {"x": 1, "y": 2}
del d["x"]
print(d)
print("z" in d)
del d["z"]
