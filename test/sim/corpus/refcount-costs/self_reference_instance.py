import gc

class Loop:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("loop freed")

gc.disable()
x = Loop()
del x
print("deleted name")
print(gc.collect())
