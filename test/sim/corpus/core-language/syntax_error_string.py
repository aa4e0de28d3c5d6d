print("fine")
msg = "unterminated
print(msg)
