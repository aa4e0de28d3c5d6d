import sys

def f():
    local = []
    print(sys.getrefcount(local) - 1)
    other = local
    print(sys.getrefcount(local) - 1)

f()
