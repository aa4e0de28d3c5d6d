import gc
d = {"k": "v"}
refs = gc.get_referents(d)
print(len(refs))
print("k" in refs, "v" in refs)
