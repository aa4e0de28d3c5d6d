def describe(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, (list, tuple)):
        return "sequence of " + str(len(v))
    return type(v).__name__

for v in [True, 3, [1, 2], (1,), "s", None, 2.0]:
    print(describe(v))
