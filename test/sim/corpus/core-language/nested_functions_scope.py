def outer():
    result = []
    def add(v):
        result.append(v)
    add(1)
    add(2)
    return result

print(outer())
