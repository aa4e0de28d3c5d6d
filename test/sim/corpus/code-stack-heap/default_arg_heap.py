def append_to(x, target=[]):
    target.append(x)
    return target

a = append_to(1)
b = append_to(2)
print(a, b, a is b)
c = append_to(3, [])
print(c)
