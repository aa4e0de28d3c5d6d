class Val:
    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return "Val(" + self.tag + ")"

    def __del__(self):
        print("drop", self.tag)

d = {"k": Val("old")}
d["k"] = Val("new")
print("overwritten")
d.pop("k")
print("popped")
