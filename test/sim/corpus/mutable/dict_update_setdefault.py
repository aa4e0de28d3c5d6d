d = {"a": 1}
d.update({"b": 2, "a": 10})
print(d)
print(d.setdefault("c", []))
d["c"].append(1)
print(d)
print(d.setdefault("a", 99))
