def hello(name):
    return "hello " + name

print(hello("x"))
print(hello("x", "y"))
