school = {"classes": [{"name": "SC1007", "size": 200}]}
first = school["classes"][0]
first["size"] += 50
print(school)
school["classes"].append({"name": "SC2001", "size": 80})
print(len(school["classes"]), school["classes"][1]["name"])
