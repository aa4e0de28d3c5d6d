total = 10

def add():
    total = total + 1
    return total

print(add())
