print(list(range(5)))
print(list(range(2, 10, 3)))
print(list(range(10, 0, -4)))
print(len(range(0, 100, 7)), 14 in range(0, 100, 7))
