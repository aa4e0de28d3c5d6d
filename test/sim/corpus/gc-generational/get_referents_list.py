import gc
inner = [9]
outer = [1, "two", inner]
refs = gc.get_referents(outer)
print(len(refs))
print(inner in refs, refs[0] == 1)
