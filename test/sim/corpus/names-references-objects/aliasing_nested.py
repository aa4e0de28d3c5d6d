row = [0, 0]
grid = [row, row, row]
grid[0][0] = 5
print(grid)
grid2 = [[0, 0] for _ in range(3)]
grid2[0][0] = 5
print(grid2)
