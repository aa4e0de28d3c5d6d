# Course notes, "Garbage Collection: Force garbage collection" with the slide's broken comment
# put back behind its '#'. In REPL mode the bare gc.collect() echoes what it freed.
# Import garbage collector module
import gc

list1 = [1, 2, 3]
list2 = [4, 5, 6]

# Create circular reference
list1.append(list2) # list1 references list2
list2.append(list1) # list2 references list1

# Remove references
del list1 # Reference count doesn't reach 0
del list2 # Due to circular reference #

# Force garbage collection
gc.collect() # Cleans up circular reference
