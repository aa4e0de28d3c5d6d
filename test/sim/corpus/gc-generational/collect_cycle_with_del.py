import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)

gc.disable()
a = Fin("a")
a.loop = a
del a
n = gc.collect()
print("collected", n)
