a = -5
b = -5
print(a is b)
n = int("-5")
print(n is a)
m = int("-6")
k = int("-6")
print(m is k, m == k)
