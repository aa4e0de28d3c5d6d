# Course notes, "Reference Counting: Circular References", lines 1-7 (as-is).
# Create two lists
list1 = []
list2 = []

# Create circular reference
list1.append(list2) # list2 referenced by list1
list2.append(list1) # list1 referenced by list2
