# Course notes, "Using del for Manual Object Deletion" (as-is).
# Create variables
x = 42
y = x
list1 = [1, 2, 3, 4, 5]
list2 = list1

# Delete all references
del x, y # Integer references deleted
del list1, list2 # List references deleted
# All objects now eligible for garbage collection
