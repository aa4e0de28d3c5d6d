# Course notes, "Memory Characteristics of Immutable Objects (Integers)", before (as-is).
x = 42
y = x
