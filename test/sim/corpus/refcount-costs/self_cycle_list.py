import gc
gc.disable()
lst = []
lst.append(lst)
del lst
print(gc.collect())
gc.enable()
