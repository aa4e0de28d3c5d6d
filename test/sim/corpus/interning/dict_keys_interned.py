d = {"alpha": 1}
key = "".join(["al", "pha"])
print(d[key])
for k in d:
    print(k == key, len(k))
