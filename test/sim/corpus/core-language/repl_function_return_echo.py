def square(n):
    return n * n

square(4)
square(5) + 1
result = square(6)
result
print(result)
