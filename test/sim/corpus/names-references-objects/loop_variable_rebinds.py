nums = [1, 2, 3]
for n in nums:
    n = n * 10
print(nums)
for i in range(len(nums)):
    nums[i] = nums[i] * 10
print(nums)
