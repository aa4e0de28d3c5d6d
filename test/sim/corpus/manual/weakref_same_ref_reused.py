import weakref

class Thing:
    pass

t = Thing()
r1 = weakref.ref(t)
r2 = weakref.ref(t)
print(r1 is r2)
def cb(ref):
    pass
r3 = weakref.ref(t, cb)
print(r3 is r1)
