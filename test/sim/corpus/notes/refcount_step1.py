# Course notes, "Python Reference Counting Example", step 1 (as-is).
# Import required modules
import sys      # For checking reference counts

# Create a list and assign it to variable x
x = [1, 2, 3]  # Reference count = 1
# Print current reference count minus 1
# (subtract 1 because getrefcount() creates a temporary reference)
print(sys.getrefcount(x) - 1) # Output: 1
# Memory state: One reference (x) pointing to [1, 2, 3]
