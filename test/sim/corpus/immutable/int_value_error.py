raw = ["12", "7", "twelve"]
total = 0
for r in raw:
    total += int(r)
    print("running total", total)
