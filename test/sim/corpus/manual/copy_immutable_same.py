import copy
t = (1, 2, 3)
print(copy.copy(t) is t)
print(copy.deepcopy(t) is t)
s = "text"
print(copy.copy(s) is s, copy.deepcopy(s) is s)
nested = (1, [2])
print(copy.deepcopy(nested) is nested)
