import weakref

class Image:
    def __init__(self, name):
        self.name = name

cache = weakref.WeakValueDictionary()
img = Image("cat.png")
cache["cat"] = img
print(len(cache), cache["cat"].name)
del img
print(len(cache))
print("cat" in cache)
