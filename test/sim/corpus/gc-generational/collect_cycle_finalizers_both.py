import gc

class Fin:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("fin", self.tag)

gc.disable()
x = Fin("x")
y = Fin("y")
x.y = y
y.x = x
del x, y
print("before collect")
print(gc.collect())
