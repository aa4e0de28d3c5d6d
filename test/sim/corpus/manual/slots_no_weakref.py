import weakref

class Compact:
    __slots__ = ("x",)

c = Compact()
c.x = 1
print(c.x)
w = weakref.ref(c)
