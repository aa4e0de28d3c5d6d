# Course notes, "Python Reference Counting Example", first listing (as-is).
# Import required modules
import sys      # For checking reference counts

# Create list and first reference
x = [1, 2, 3]
print(sys.getrefcount(x) - 1)

# Add second reference
y = x
print(sys.getrefcount(y) - 1)

# Add third reference
z = x
print(sys.getrefcount(z) - 1)

# Remove first reference
del x

# Remove second reference
del y

# Remove final reference
del z

# Object now eligible for garbage collection
# Force garbage collection (optional)
