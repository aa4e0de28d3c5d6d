import weakref

class Item:
    def __init__(self, n):
        self.n = n

store = weakref.WeakValueDictionary()
keep = []
for i in range(4):
    it = Item(i)
    store[i] = it
    if i % 2 == 0:
        keep.append(it)
del it
print(sorted(store.keys()))
gone = keep.pop()
del gone
print(sorted(store.keys()))
