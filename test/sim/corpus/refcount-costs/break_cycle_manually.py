class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print("freed", self.name)

a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
a.peer = None
del a
print("a deleted")
del b
print("b deleted")
