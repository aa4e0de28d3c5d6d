x = 10
y = 20
pair = [x, y]
x = 99
print(pair)
print(pair[0] == 10, x)
