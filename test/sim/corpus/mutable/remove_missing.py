nums = [1, 2, 3]
nums.remove(2)
print(nums)
print(7 in nums)
nums.remove(7)
