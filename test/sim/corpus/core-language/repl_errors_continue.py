a = [1, 2]
a[5]
print("still running")
b = {}
b["missing"]
print("end")
