import weakref

class Data:
    pass

d = Data()
r = weakref.ref(d)
print(r() is d)
del d
print(r() is None)
