import weakref

class Obj:
    pass

wd = weakref.WeakValueDictionary()
o = Obj()
wd["k"] = o
del o
print(wd.get("k"))
print(wd["k"])
