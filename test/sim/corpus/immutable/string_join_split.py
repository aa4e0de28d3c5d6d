words = ["ref", "count", "ing"]
joined = "".join(words)
print(joined, len(joined))
parts = "a,b,,c".split(",")
print(parts)
print("-".join(parts))
print("  padded ".strip(), "x".join("abc"))
