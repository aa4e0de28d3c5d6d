import sys

def make():
    data = [1, 2, 3]
    def get():
        return data
    return get, data

g, d = make()
print(sys.getrefcount(d) - 1)
del g
print(sys.getrefcount(d) - 1)
