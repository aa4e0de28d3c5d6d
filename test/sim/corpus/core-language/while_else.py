n = 10
while n > 0:
    n -= 3
else:
    print("loop ended normally at", n)
m = 0
while m < 5:
    if m == 2:
        break
    m += 1
else:
    print("not printed")
print(m)
