x = 5
if x > 3:
    x * 2
    "big"
for i in range(2):
    i
print("done")
