import weakref

class Target:
    pass

refs = []

def cb(r):
    refs.append(r)
    print("callback, dead ref:", r() is None)

t = Target()
w = weakref.ref(t, cb)
del t
print(refs[0] is w)
