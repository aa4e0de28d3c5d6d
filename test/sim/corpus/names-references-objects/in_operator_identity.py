a = [1]
b = [1]
box = [a]
print(b in box)
any_same = False
for item in box:
    if item is b:
        any_same = True
print(any_same)
