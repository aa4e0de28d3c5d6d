scores = [90, 75, 60, 85, 70]
del scores[1]
print(scores)
del scores[-1]
print(scores)
del scores[:2]
print(scores)
