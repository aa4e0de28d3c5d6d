class Box:
    pass

b = Box()
b.item = 1
del b.item
del b.item
