name = "abc"
print(name.upper())
name.push("d")
