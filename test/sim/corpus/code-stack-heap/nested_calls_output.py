def a():
    print("enter a")
    b()
    print("leave a")

def b():
    print("enter b")
    c()
    print("leave b")

def c():
    print("in c")

a()
