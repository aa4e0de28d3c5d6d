# Course notes, "Memory Interning: Manual Interning Example". Verbatim except raw id() prints,
# replaced by the equality of the two ids.
import sys
# Longer strings - separate memory locations
c = "hello world!"
d = "hello world!"

print(id(c) == id(d)) # Memory location for 'c' and 'd'
print(c is d) # False - different memory locations

# Manual interning for large strings
e = sys.intern("hello world!")
f = sys.intern("hello world!")
print(id(e) == id(f)) # Memory location for 'e' and 'f'
print(e is f) # True - same memory location due to manual interning
