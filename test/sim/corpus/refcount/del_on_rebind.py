class Tracker:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("freed", self.n)

t = Tracker(1)
t = Tracker(2)
print("rebound")
t = None
print("done")
