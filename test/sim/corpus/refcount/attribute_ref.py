import sys

class Node:
    def __init__(self, value):
        self.value = value

payload = [1, 2]
a = Node(payload)
b = Node(payload)
print(sys.getrefcount(payload) - 1)
del a
print(sys.getrefcount(payload) - 1)
b.value = None
print(sys.getrefcount(payload) - 1)
