a = 10
b = a * 1
c = a + 0
print(a is b, a is c)
big = 10 ** 20
print(big, big + 1, big * big)
