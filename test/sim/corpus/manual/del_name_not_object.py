data = [1, 2, 3]
view = data
del data
view.append(4)
print(view)
print(len(view))
