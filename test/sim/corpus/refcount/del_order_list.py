class N:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        print("del", self.i)

items = [N(1), N(2), N(3)]
del items
print("done")
