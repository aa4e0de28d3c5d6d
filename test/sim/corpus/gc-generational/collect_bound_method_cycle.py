import gc
gc.disable()
gc.collect()

class Button:
    def __init__(self):
        self.on_click = self.handle
    def handle(self):
        return "clicked"

b = Button()
print(b.on_click())
del b
print(gc.collect())

class Timer:
    def __init__(self, callbacks):
        self.callbacks = callbacks
        callbacks.append(self.tick)
    def tick(self):
        pass

cbs = []
t = Timer(cbs)
del t
print(gc.collect())
del cbs
print(gc.collect())
