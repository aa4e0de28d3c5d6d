total = None
total = total + 1
