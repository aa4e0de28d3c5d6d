def check(x):
    if x < 0:
        raise ValueError("negative: " + str(x))
    return x

try:
    try:
        check(-3)
    except ValueError:
        print("logging and re-raising")
        raise
except ValueError as e:
    print("outer caught", e)
