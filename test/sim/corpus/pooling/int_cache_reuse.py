values = []
for i in range(3):
    values.append(int("100"))
print(values[0] is values[1] is values[2])
big = []
for i in range(3):
    big.append(int("100000"))
print(big[0] is big[1], big[0] == big[1])
