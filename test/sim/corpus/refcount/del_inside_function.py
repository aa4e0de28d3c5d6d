import sys

def consume(items):
    print(sys.getrefcount(items) - 1)
    del items
    return "done"

shared = ["x"]
print(consume(shared))
print(sys.getrefcount(shared) - 1)
