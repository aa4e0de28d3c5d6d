def f():
    len = 5
    return len

print(f())
print(len([1, 2]))
