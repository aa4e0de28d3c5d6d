nums = [3, 1, 3, 2, 1]
uniq = set(nums)
print(len(uniq), sorted(uniq))
print(1 in uniq, 5 in uniq)
frozen = tuple(sorted(uniq))
print(frozen)
