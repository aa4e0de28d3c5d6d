for i in range(3):
    if i == 5:
        break
else:
    print("no break")
for i in range(10):
    if i == 2:
        print("found", i)
        break
else:
    print("never")
