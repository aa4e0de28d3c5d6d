x = 1
print("checking")
if x = 1:
    print("one")
else:
    print("other")
