s = {3, 1, 2, 100, 33}
print(s)
print({5, 4}, {-1, -2, 7}, {8, 16, 24, 32, 40}, {1000, 2000, 3000})
t = set()
for k in [64, 128, 9, 17, 73, -7, 2**30 + 5]:
    t.add(k)
print(t)
print(list({x * 37 for x in range(20)}))
u = set([50, 10, 90, 10, 30])
u.add(77)
u.add(1)
print(u, sorted(u) == sorted(list(u)))
big = {i * 8 for i in range(30)}
print(big)
print({-5, 5, 6, 13, 21})
v = {10, 20, 30}
v.add(99)
v.add(41)
print(v)
