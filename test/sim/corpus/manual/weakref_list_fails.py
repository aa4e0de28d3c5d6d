import weakref
numbers = [1, 2, 3]
print(len(numbers))
r = weakref.ref(numbers)
print("unreached")
