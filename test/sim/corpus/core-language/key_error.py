d = {"a": 1}
print(d["a"])
print(d.get("b"))
print("b" in d)
print(d["b"])
