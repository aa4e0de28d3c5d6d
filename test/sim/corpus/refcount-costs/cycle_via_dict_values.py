import gc
gc.disable()
registry = {}
node = {"name": "n1", "registry": registry}
registry["n1"] = node
del registry, node
print(gc.collect())
