x = 5
del x
print("deleted")
print(x)
