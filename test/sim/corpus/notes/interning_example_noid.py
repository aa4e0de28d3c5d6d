# Course notes, "Memory Interning: Example" (as-is, id() lines dropped).
# String literals share memory location
a = "hello"
b = "hello"

print(a is b) # True - same memory location

# Longer strings - separate memory locations
c = "hello world!"
d = "hello world!"

print(c is d) # False - different memory locations
