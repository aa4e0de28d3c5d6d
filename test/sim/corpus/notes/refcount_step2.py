# Course notes, "Python Reference Counting Example", step 2 (as-is).
# Import required modules
import sys      # For checking reference counts

# Create a list and assign it to variable x
x = [1, 2, 3]   # Reference count = 1
# Print current reference count minus 1
# (subtract 1 because getrefcount() creates a temporary reference)
print(sys.getrefcount(x) - 1) # Output: 1
# Memory state: One reference (x) pointing to [1, 2, 3]

# Create another reference y pointing to the same list object
y = x # Reference count = 2
print(sys.getrefcount(y) - 1) # Output: 2
# Memory state: Two references (x, y) pointing to [1, 2, 3]
