print("fine")
msg = "unterminated
print(msg)
count = 1
print(count)
