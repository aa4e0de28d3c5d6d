scores = {}
key = (1, 2)
scores[key] = "tuple key"
scores["name"] = "str key"
scores[3] = "int key"
print(scores[(1, 2)], scores["name"], scores[3])
print(len(scores))
