import weakref

class R:
    def __init__(self, name):
        self.name = name

def report(ref):
    print("callback fired")

r = R("x")
w = weakref.ref(r, report)

def drop():
    global r
    print("dropping")
    r = None
    print("dropped")

drop()
print(w() is None)
