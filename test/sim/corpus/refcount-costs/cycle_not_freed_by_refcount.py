import gc

class Node:
    def __del__(self):
        print("node freed")

gc.disable()
a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print("names deleted")
print(gc.collect() > 0)
gc.enable()
