import copy
grid = [[0, 0], [0, 0]]
a = grid[:]
b = list(grid)
c = copy.copy(grid)
d = copy.deepcopy(grid)
grid[0][0] = 1
print(a[0][0], b[0][0], c[0][0], d[0][0])
