import sys

def count_refs():
    obj = object()
    holders = []
    for _ in range(3):
        holders.append(obj)
        print(sys.getrefcount(obj) - 1)

count_refs()
