a = [] or "default"
b = [1] and "truthy"
c = None or 0 or ""
print(a, b, repr(c))
print(not [], not [0], 1 < 2 < 3, 3 > 2 > 2)
