class Tag:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)

a = Tag("a")
b = Tag("b")
a, b = b, a
print("swapped", a.name, b.name)
a = None
b = None
print("end")
