import gc

class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

gc.disable()
a = Person("a")
b = Person("b")
c = Person("c")
a.friend = b
b.friend = c
c.friend = a
del a, b, c
print(gc.collect())
