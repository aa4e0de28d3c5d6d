def grade(score):
    if score >= 85:
        return "A"
    elif score >= 70:
        return "B"
    elif score >= 50:
        return "C"
    else:
        return "F"

for s in [95, 85, 72, 50, 10]:
    print(s, grade(s))
