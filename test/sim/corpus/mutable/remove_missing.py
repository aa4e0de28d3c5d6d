nums = [1, 2, 3]
nums.remove(2)
print(nums)
nums.remove(7)
