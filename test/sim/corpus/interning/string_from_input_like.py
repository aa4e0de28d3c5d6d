words = "alpha beta alpha".split()
print(words[0] == words[2])
print(words[0] is words[2])
literal = "alpha"
print(words[0] is literal)
