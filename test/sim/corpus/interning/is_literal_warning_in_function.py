def check(n):
    if n is 1000:
        return "same object"
    return "different"

big = 1000
print(check(big))
print(check(999 + 1))
x = None
print(x is None, 1.5 is not 1.5)
