line = "-" * 10
print(line)
print("ab" * 3, 3 * "z")
print("" * 5 == "")
