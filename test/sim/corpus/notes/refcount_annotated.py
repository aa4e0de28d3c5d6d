# Course notes, "Python Reference Counting Example", annotated listing (as-is).
# Import required modules
import sys                # For checking reference counts

# Create list and first reference
x = [1, 2, 3]             # Creates list object in heap # Initial reference count = 1
print(sys.getrefcount(x) - 1)    # Output: 1

# Add second reference
y = x                     # y points to same object as x # Increases reference count to 2
print(sys.getrefcount(x) - 1)    # Output: 2 # Shows two references (x and y)

# Add third reference
z = x                     # z points to same object as x and y # Increases reference count to 3
print(sys.getrefcount(x) - 1)    # Output: 3 # Shows three references (x, y, and z)

# Remove first reference
del x                     # Removes x's reference # Decreases count to 2 # Object still exists in memory

# Remove second reference
del y                     # Removes y's reference # Decreases count to 1 # Object still exists in memory

# Remove final reference
del z                     # Removes final reference # Reference count becomes 0

# Object now eligible for garbage collection
# Force garbage collection (optional)
# Not typically needed # Python automatically handles cleanup # Returns number of objects collected
