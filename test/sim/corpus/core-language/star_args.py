def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s

print(total(), total(1), total(1, 2, 3))
values = [4, 5, 6]
print(total(*values))
