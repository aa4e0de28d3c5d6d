import gc
gc.disable()
lst = []
t = (lst,)
lst.append(t)
del lst, t
print(gc.collect())
