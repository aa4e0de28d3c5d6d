# Course notes, "Python Reference Counting Example", lines 20-28 (as-is).
# Delete x reference
del x # Reference count = 2
# Memory state: refcount decreases to 2
# Two references remain (y, z) pointing to [1, 2, 3]

# Delete y reference
del y # Reference count = 1
# Memory state: refcount decreases to 1
# One reference remains (z) pointing to [1, 2, 3]
