counter = 3
print(counter)
print(cuonter)
