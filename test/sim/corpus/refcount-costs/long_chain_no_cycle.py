class Link:
    count = 0

    def __init__(self, nxt):
        self.nxt = nxt

    def __del__(self):
        Link.count += 1

head = None
for i in range(50):
    head = Link(head)
del head
print(Link.count)
