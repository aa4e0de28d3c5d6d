class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
q = p
r = Point(1, 2)
print(p is q, p is r, p == r)
q.x = 10
print(p.x)
