def bump(n):
    n += 1
    return n

x = 5
print(bump(x), x)
