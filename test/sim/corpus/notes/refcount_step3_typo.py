# Course notes, "Python Reference Counting Example", step 3 (as-is). The listing assigns z
# where it means y, so line 13 of the slide raises NameError on real CPython.
# Import required modules
import sys      # For checking reference counts

# Create a list and assign it to variable x
x = [1, 2, 3]   # Reference count = 1
# Print current reference count minus 1
# (subtract 1 because getrefcount() creates a temporary reference)
print(sys.getrefcount(x) - 1) # Output: 1
#Memory state: One reference (x) pointing to [1, 2, 3]

# Create another reference y pointing to the same list object
z = x           # Reference count = 2
print(sys.getrefcount(y) - 1) # Output: 2
# Memory state: Two references (x, y) pointing to [1, 2, 3]

# Create third reference z pointing to the same list object
z = x           # Reference count = 3
print(sys.getrefcount(z) - 1) # Output: 3
# Memory state: Three references (x, y, z) pointing to [1, 2, 3]
