def flatten(items, out):
    for x in items:
        if isinstance(x, list):
            flatten(x, out)
        else:
            out.append(x)
    return out

print(flatten([1, [2, [3, [4]], 5]], []))
