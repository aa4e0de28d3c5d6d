def level3():
    raise ValueError("deep problem")

def level2():
    level3()
    print("not reached")

def level1():
    try:
        level2()
    except ValueError as e:
        print("handled at level1:", e)

level1()
print("program continues")
