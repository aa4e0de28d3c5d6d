PI = 3.14159
RADIUS = 2

def area(r):
    return PI * r * r

print(area(RADIUS))
print(area(1))
