values = ["four", [1, 2], (3,), {"k": 0}]
for v in values:
    print(len(v))
count = 4
print(len(str(count)))
print(len(count))
