def risky(kind):
    try:
        if kind == 1:
            return [][0]
        if kind == 2:
            return {}["x"]
        return 1 / 0
    except (IndexError, KeyError) as e:
        return "lookup: " + type(e).__name__
    except ZeroDivisionError:
        return "math"

for k in [1, 2, 3]:
    print(risky(k))
