import gc

class Node:
    def __init__(self):
        self.next = None

gc.disable()
first = Node()
node = first
for i in range(4):
    node.next = Node()
    node = node.next
node.next = first
del first, node
print(gc.collect())
gc.enable()
