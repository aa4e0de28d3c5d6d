settings = {"colors": ["red"]}
backup = dict(settings)
backup["colors"].append("blue")
print(settings["colors"])
print(backup is settings, backup["colors"] is settings["colors"])
