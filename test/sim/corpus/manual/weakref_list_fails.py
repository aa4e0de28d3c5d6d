import weakref
numbers = [1, 2, 3]
r = weakref.ref(numbers)
