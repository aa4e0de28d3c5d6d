print("start")
values = [1, 2, 3
print(values)
total = 0
print(total)
