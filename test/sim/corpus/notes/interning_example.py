# Course notes, "Memory Interning: Example". Verbatim except the raw id() prints, which differ
# on every run: they print whether the two ids are equal. Note the slide's claim on line 15:
# in one compilation unit equal constants are one object, so c is d prints True as a script.
# String literals share memory location
a = "hello"
b = "hello"

print(id(a) == id(b)) # Memory location for 'a' and 'b' (same)
print(a is b) # True - same memory location

# Longer strings - separate memory locations
c = "hello world!"
d = "hello world!"

print(id(c) == id(d)) # Memory location for 'c' and 'd' (slide says different)
print(c is d) # False - different memory locations
