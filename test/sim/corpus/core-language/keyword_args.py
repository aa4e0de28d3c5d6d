def describe(name, age=0, city="unknown"):
    return name + " " + str(age) + " " + city

print(describe("ann"))
print(describe("bob", city="Paris"))
print(describe(age=30, name="cy"))
