def add_item(bag, item):
    bag.append(item)

def replace(bag):
    bag = ["new"]
    return bag

mine = ["a"]
add_item(mine, "b")
print(mine)
other = replace(mine)
print(mine, other)
