x = 10
x
x * 2
"text"
[1, 2]
None
print("printed")
