zeros = [0] * 4
zeros[1] = 5
print(zeros)
print([1, 2] * 2, [] * 3)
print(zeros[0] is zeros[2])
