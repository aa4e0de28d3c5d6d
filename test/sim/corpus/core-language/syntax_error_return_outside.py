x = 5
print("x is", x)
if x > 3:
    print("big")
return x
