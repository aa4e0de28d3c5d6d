import gc
a = [1]
b = "text"
t = (a, b, 3)
refs = gc.get_referents(t)
print(len(refs))
print(refs[0] is a, refs[1] is b, refs[2] == 3)
