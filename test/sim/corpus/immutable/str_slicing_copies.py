s = "memory"
print(s[1:4], s[::-1], s[-2:], s[:100])
print(s[:] is s)
print(s[0:len(s)] is s)
print(s[1:] == "emory")
