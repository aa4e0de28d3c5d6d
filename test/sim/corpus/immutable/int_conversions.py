print(int("42") + 1)
print(str(42) + "1")
print(int("  7 "), float("1e3"), str(1.5))
print(int(True), str(None), bool(0), bool("0"))
