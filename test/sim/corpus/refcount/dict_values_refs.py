import sys
value = ["payload"]
d = {"a": value, "b": value}
print(sys.getrefcount(value) - 1)
d["c"] = value
print(sys.getrefcount(value) - 1)
del d["a"]
print(sys.getrefcount(value) - 1)
d.clear()
print(sys.getrefcount(value) - 1)
