# Course notes, "Memory Characteristics of Immutable Objects (Strings)" (as-is).
s1 = "hello"
s2 = "hello" # Same object reused
s1 = "hello!" # # Creates new object, s2 keeps old reference
