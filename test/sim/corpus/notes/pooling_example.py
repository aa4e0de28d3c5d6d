# Course notes, "Memory Pooling: Example" (as-is).
# Memory Pooling Examples
# Integers (small numbers)
a = 100
b = 100
print("Same integers:")
print(a is b) # True

# Short strings
str1 = "hello"
str2 = "hello"
print("\nShort strings:")
print(str1 is str2) # True
