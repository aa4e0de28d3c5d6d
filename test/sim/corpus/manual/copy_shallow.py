import copy
original = {"tags": ["a", "b"], "n": 1}
shallow = copy.copy(original)
shallow["n"] = 2
shallow["tags"].append("c")
print(original)
print(shallow)
print(shallow["tags"] is original["tags"])
