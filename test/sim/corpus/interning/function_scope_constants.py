def f():
    a = "some text!"
    b = "some text!"
    return a is b

def g():
    x = 1000
    y = 1000
    return x is y

print(f(), g())
