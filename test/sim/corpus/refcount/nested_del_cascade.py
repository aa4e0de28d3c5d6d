class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("free", self.name)

outer = [Part("x"), [Part("y"), Part("z")]]
print("built")
del outer
print("after del")
