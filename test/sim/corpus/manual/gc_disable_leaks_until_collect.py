import gc

class Blob:
    count = 0

    def __init__(self):
        Blob.count += 1
        self.me = self

    def __del__(self):
        Blob.count -= 1

gc.disable()
for i in range(5):
    b = Blob()
del b
print("alive:", Blob.count)
gc.collect()
print("alive:", Blob.count)
gc.enable()
