class Frame:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("frame", self.n, "freed")

current = None
for i in range(3):
    current = Frame(i)
    print("made", i)
current = None
print("end")
