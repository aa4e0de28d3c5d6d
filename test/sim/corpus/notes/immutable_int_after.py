# Course notes, "Memory Characteristics of Immutable Objects (Integers)", after (as-is).
x = 42
y = x
x += 1 # x becomes 43, but y stays 42
