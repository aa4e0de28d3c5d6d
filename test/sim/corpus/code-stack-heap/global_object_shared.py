CACHE = {}

def remember(k, v):
    CACHE[k] = v

def lookup(k):
    return CACHE.get(k, "missing")

remember("a", 1)
print(lookup("a"), lookup("b"))
print(len(CACHE))
