import copy
groups = {"a": [1], "b": [2]}
shallow = copy.copy(groups)
deep = copy.deepcopy(groups)
groups["a"].append(10)
groups["c"] = [3]
print(shallow)
print(deep)
print(len(groups), len(shallow))
