readings = [2.0, 4.0]
total = 0.0
for r in readings:
    total += r
print(total / len(readings))
print(1.0 / 2)
print(total / 0)
