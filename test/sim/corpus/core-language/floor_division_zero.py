print(9 // 2)
print(9 // 0)
