import weakref

class Compact:
    __slots__ = ("x", "__weakref__")

c = Compact()
c.x = 5
w = weakref.ref(c)
print(w().x)
del c
print(w())
