log = []

def step():
    try:
        log.append("try")
        raise KeyError("k")
    except KeyError:
        log.append("except")
        return "from except"
    finally:
        log.append("finally")

print(step())
print(log)
