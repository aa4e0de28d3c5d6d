def find(items, target):
    for i in range(len(items)):
        if items[i] == target:
            return i
    return None

r = find([5, 6, 7], 6)
print(r, r is None)
r = find([5, 6, 7], 9)
print(r, r is None, r is not None)
