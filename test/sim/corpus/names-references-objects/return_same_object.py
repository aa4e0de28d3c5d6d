def identity(obj):
    return obj

data = {"k": [1]}
same = identity(data)
print(same is data)
print(identity(data["k"]) is data["k"])
