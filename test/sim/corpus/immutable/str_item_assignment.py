word = "hello"
print(word[0])
fixed = "j" + word[1:]
print(fixed)
word[0] = "j"
