cells = [[]] * 3
cells[0].append("x")
print(cells)
print(cells[0] is cells[2])
fixed = [[] for _ in range(3)]
fixed[0].append("x")
print(fixed)
