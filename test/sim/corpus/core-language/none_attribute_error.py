def lookup(name):
    if name == "known":
        return {"value": 1}

result = lookup("unknown")
print(result)
print(result.value)
