class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("drop", self.n)

def total():
    items = [Noisy(1), Noisy(2)]
    s = 0
    for it in items:
        s += it.n
    return s

print(total())
