items = 9
boxes = 2
print(items // boxes, items % boxes)
boxes = 0
print(items // boxes)
