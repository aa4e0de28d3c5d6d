values = [42, 3.5, "hi", None, True, [1], (1,), {"k": 1}, {1, 2}]
for v in values:
    print(type(v).__name__, end=" ")
print()
print(type(type(1)).__name__)
