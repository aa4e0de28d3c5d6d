items = []

def add(x):
    items.append(x)

def reset():
    global items
    items = []

add(1)
add(2)
old = items
reset()
add(3)
print(old, items)
