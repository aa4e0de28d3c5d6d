def f():
    return "shared constant!"

def g():
    return "shared constant!"

print(f() is g())
print(f() is f())
