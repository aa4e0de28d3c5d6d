class Page:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("evict page", self.n)

cache = [Page(i) for i in range(5)]
del cache[1:3]
print("evicted middle")
del cache[0]
print("left", len(cache))
cache.clear()
print("cleared")
