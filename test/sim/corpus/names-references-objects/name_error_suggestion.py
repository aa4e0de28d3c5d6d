counter = 3
print(counter)
counter += 1
print(counter)
print(cuonter)
