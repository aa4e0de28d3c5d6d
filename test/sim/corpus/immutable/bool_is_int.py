print(True + 1, False * 10)
print(isinstance(True, int), type(True) is int)
one = 1
print(one == True, one is True)
print(True + True + False)
