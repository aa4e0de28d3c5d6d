import gc

class Obj:
    def __del__(self):
        print("freed by refcount")

gc.disable()
o = Obj()
del o
print("gc disabled but object freed")
gc.enable()
