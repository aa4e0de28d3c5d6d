items = [1, 2 3]
print(items)
total = 0
for i in items:
    total += i
