name = "gc"
n = 3
print(f"{name} ran {n} times")
print(f"{n * 2} {name.upper()} {[n]}")
print("total: " + str(n) + "!")
