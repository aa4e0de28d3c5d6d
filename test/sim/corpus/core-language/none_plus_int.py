def total(values):
    s = None
    for v in values:
        s = s + v
    return s

print(total([]))
print(total([1, 2]))
