print(7 % 3)
print(-7 % 3)
for d in [2, 1, 0]:
    print("7 mod", d)
    print(7 % d)
