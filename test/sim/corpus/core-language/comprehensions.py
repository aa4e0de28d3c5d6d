squares = [n * n for n in range(6)]
evens = [n for n in squares if n % 2 == 0]
pairs = {k: v for k, v in zip("abc", range(3))}
uniq = {n % 3 for n in range(10)}
print(squares)
print(evens)
print(pairs)
print(sorted(uniq))
