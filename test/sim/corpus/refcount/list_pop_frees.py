class Item:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)

box = [Item("a"), Item("b"), Item("c")]
gone = box.pop()
print("popped", gone.tag)
del gone
box.remove(box[0])
print("removed")
box.clear()
print("cleared")
