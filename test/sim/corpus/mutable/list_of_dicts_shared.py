template = {"score": 0}
players = [template, template]
players[0]["score"] = 10
print(players)
players = [dict(template), dict(template)]
players[0]["score"] = 20
print(players)
