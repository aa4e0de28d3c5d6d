class Counted:
    live = 0

    def __init__(self):
        Counted.live += 1

    def __del__(self):
        Counted.live -= 1

objs = [Counted() for _ in range(4)]
print(Counted.live)
first = objs.pop()
last = objs.pop(0)
del first, last
print(Counted.live)
objs = []
print(Counted.live)
