import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print("collected", self.name)

gc.disable()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a
del b
print("still alive until gc runs")
gc.collect()
print("after collect")
gc.enable()
