n = 2 ** 100
print(n)
print(n // 3, n % 7)
print(-n // 7)
print(len(str(3 ** 200)))
