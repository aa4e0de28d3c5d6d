import sys

def store(x, into):
    into.append(x)

obj = ["payload"]
box = []
store(obj, box)
store(obj, box)
print(sys.getrefcount(obj) - 1)
box.pop()
print(sys.getrefcount(obj) - 1)
