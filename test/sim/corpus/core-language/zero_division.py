print(7 // 2, 7 % 2, 7 / 2)
count = 0
total = 10
print(total / 1)
print(total / count)
