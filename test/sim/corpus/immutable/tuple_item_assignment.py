point = (3, 4)
print(point[0] + point[1])
moved = (point[0] + 1, point[1])
print(moved)
point[0] = 10
