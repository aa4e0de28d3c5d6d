name = "ada lovelace"
upper = name.upper()
print(name)
print(upper)
print(name.title(), name.replace("a", "4"))
print(name.split(" "))
