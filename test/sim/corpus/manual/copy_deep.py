import copy
original = {"tags": ["a", "b"], "n": 1}
deep = copy.deepcopy(original)
deep["tags"].append("c")
print(original)
print(deep)
print(deep["tags"] is original["tags"], deep == original)
