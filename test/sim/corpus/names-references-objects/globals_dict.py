import sys
counter = 0
def bump():
    globals()["counter"] += 1
bump(); bump()
print(counter, "counter" in globals(), "missing" in globals())
g = globals()
g["made"] = [1, 2]
print(made, g.get("nothing", "default"), g is globals())
print(sys.getrefcount(made))
del g["made"]
print("made" in g)
try:
    print(made)
except NameError as e:
    print(e)
print(globals()["__name__"])
