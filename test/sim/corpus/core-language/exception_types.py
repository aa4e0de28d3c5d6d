errors = []
for thing in ["1/0", "[][1]", "{}['k']", "int('x')", "None.attr"]:
    try:
        if thing == "1/0":
            1 / 0
        elif thing == "[][1]":
            [][1]
        elif thing == "{}['k']":
            {}["k"]
        elif thing == "int('x')":
            int("x")
        else:
            None.attr
    except Exception as e:
        errors.append(type(e).__name__)
print(errors)
