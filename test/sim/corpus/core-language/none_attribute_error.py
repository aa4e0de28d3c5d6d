result = None
print(result)
print(result.value)
