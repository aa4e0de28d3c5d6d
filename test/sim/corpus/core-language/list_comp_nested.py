matrix = [[1, 2, 3], [4, 5, 6]]
flat = [x for row in matrix for x in row]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(flat)
print(transposed)
print([x for x in flat if x % 2 == 1])
