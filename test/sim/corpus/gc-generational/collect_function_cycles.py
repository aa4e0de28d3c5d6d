import gc
gc.disable()
gc.collect()
def make():
    def f():
        return f
    return f
g = make()
del g
print(gc.collect())
def make2():
    a = [1]
    b = {}
    def f(x=1, y="s"):
        return a, b, f
    b["f"] = f
    return f
g = make2()
del g
print(gc.collect())
def make3():
    items = []
    def add(v):
        items.append(v)
    items.append(add)
    return add
h = make3()
del h
print(gc.collect())
def make4():
    def f(x=[]):
        return f
    return f
k = make4()
del k
print(gc.collect())
lam = lambda: lam
del lam
print(gc.collect())
