# Course notes, "Reference Counting: Circular References", lines 1-14 (as-is).
# Create two lists
list1 = []
list2 = []

# Create circular reference
list1.append(list2) # list2 referenced by list1
list2.append(list1) # list1 referenced by list2

# Even after deletion, lists still reference each other
del list1 # Still referenced by list2[0]
del list2 # Still referenced by list1[0]

# Garbage collector detects these objects are unreachable
# Memory will be freed in next GC cycle
