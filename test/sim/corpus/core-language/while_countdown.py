n = 5
while n > 0:
    print(n, end=" ")
    n -= 1
print("liftoff")
