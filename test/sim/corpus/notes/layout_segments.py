# Course notes, "Python Memory Layout: Code, Stack, and Heap Segments" (as-is; prints nothing).
pi = 3.14159 # Global variable
x = 42
list1 = [1, 2, 3]
