import gc
x = [1, 2, 3]
y = {"k": x}
print(gc.collect())
print(x, y)
