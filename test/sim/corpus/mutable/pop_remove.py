nums = [10, 20, 30, 40, 20]
print(nums.pop())
print(nums.pop(0))
nums.remove(20)
print(nums)
print(nums.index(40), nums.count(30))
