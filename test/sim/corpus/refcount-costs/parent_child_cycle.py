import gc

class TreeNode:
    def __init__(self, value, parent=None):
        self.value = value
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

gc.disable()
root = TreeNode("root")
left = TreeNode("left", root)
right = TreeNode("right", root)
del root, left, right
print(gc.collect())
