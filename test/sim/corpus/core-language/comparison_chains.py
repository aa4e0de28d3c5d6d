x = 5
print(1 < x < 10, x == 5 != 6)
print([1, 2] < [1, 3], "abc" < "abd", (1, 2) == (1, 2))
print(2 in [1, 2], "z" not in "abc")
low, high = 0, 10
for v in [-1, 0, 10, 11]:
    print(v, low <= v < high)
