import sys

def show(x):
    print(sys.getrefcount(x) - 1)

def caller():
    v = [1, 2]
    show(v)
    return v

caller()
top = [3]
show(top)
