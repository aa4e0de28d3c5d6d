t = 1, 2, 3
print(t, type(t).__name__, len(t))
single = (5,)
notuple = (5)
print(single, notuple)
empty = ()
print(empty, len(empty))
