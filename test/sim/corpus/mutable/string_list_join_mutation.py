parts = []
for i in range(5):
    parts.append(str(i * i))
print(",".join(parts))
parts[0] = "zero"
print(" ".join(parts))
