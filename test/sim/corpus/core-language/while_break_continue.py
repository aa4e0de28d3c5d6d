n = 0
total = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 9:
        break
    total += n
print(n, total)
