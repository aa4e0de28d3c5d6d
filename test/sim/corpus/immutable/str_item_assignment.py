word = "hello"
print(word[0])
word[0] = "j"
