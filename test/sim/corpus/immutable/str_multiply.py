line = "-" * 10
print(line)
print("ab" * 3, 3 * "z")
print("" * 5 == "")
print("x" * 0 == "", len("ab" * 4))
