import weakref

class Session:
    pass

def on_gone(ref):
    print("session collected")

s = Session()
r = weakref.ref(s, on_gone)
print("before del")
del s
print("after del")
print(r())
