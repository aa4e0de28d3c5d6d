import gc
t = gc.get_threshold()
print(t)
print(len(t))
print(t[1])
