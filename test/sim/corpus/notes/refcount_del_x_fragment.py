# Course notes, "Python Reference Counting Example", lines 20-23 shown on their own (as-is):
# without the earlier lines x was never bound.
# Delete x reference
del x # Reference count = 2
# Memory state: refcount decreases to 2
# Two references remain (y, z) pointing to [1, 2, 3]
