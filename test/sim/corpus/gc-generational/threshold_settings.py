import gc
gc.set_threshold(1000)
print(gc.get_threshold()[0])
gc.set_threshold(500, 20)
print(gc.get_threshold()[:2])
