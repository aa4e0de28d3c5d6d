# Course notes, "Python Reference Counting Example", lines 20-35 (as-is).
# Delete x reference
del x # Reference count = 2
# Memory state: refcount decreases to 2
# Two references remain (y, z) pointing to [1, 2, 3]

# Delete y reference
del y # Reference count = 1
# Memory state: refcount decreases to 1
# One reference remains (z) pointing to [1, 2, 3]

# Delete z reference
del z # Reference count = 0
# Memory state: refcount becomes 0
# No references remain, object becomes eligible for garbage collection
# At this point, when refcount = 0:
# Object is marked as eligible for garbage collection
