cache = {"a": 1, "b": 2, "c": 3}
del cache["b"]
print(cache)
for key in list(cache.keys()):
    del cache[key]
print(cache, len(cache))
