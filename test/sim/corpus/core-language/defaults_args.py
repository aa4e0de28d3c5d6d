def f(a, b=2, *args):
    return a + b + sum(args)

print(f(1))
print(f(1, 10))
print(f(1, 2, 3, 4, 5))

def g(items=[]):
    items.append(len(items))
    return items

print(g())
print(g())
