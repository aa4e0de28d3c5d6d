x = 3
print("start")
if x > 2
    print("big")
print("end")
