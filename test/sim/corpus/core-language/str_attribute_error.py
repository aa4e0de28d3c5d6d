name = "abc"
print(name.upper())
letters = list(name)
letters.append("d")
print(letters)
name.push("d")
