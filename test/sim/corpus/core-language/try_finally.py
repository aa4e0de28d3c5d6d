def risky(n):
    try:
        print("try", n)
        return 10 // n
    except ZeroDivisionError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", n)

print(risky(2))
print(risky(0))
