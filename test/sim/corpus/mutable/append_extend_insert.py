nums = [3, 1]
nums.append(4)
nums.extend([1, 5])
nums.insert(0, 9)
print(nums)
nums.insert(100, 2)
nums.insert(-1, 6)
print(nums, len(nums))
