def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

for k in range(6):
    print(k, fact(k))
print(fact(30))
