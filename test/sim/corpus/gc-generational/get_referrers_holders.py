import gc
class Node:
    def __init__(self, v):
        self.v = v
target = ["target"]
holder = [target]
other = {"t": target}
n = Node(target)
refs = gc.get_referrers(target)
print(len(refs))
print(holder in refs, len([r for r in refs if r is other]))
print(len([r for r in refs if r is globals()]))
def look(x):
    inner = (x,)
    return gc.get_referrers(x)
print(len(look(holder)))
del refs
print(len(gc.get_referrers(n)))
