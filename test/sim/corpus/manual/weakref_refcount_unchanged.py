import sys
import weakref

class Node:
    pass

n = Node()
before = sys.getrefcount(n) - 1
w = weakref.ref(n)
after = sys.getrefcount(n) - 1
print(before, after, before == after)
