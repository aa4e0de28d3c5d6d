print(7 // 2, 7 % 2, 7 / 2)
print(1 / 0)
