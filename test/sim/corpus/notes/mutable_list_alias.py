# Course notes, "Mutable Objects (list, dict, set)" (as-is).
list1 = [1, 2, 3] # Create list, list1 points to it
list2 = list1 # list2 points to same list
list1.append(4) # Modify the list object
