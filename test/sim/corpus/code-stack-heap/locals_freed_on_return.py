class Tracked:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print("freed", self.label)

def make():
    a = Tracked("local a")
    b = Tracked("returned b")
    print("returning")
    return b

kept = make()
print("kept", kept.label)
del kept
print("end")
