import sys
print(any(print(x) or x > 1 for x in [1, 2, 3]))
xs = [10, 20, 30]
g = (x * 2 for x in xs if x != 20)
print(next(g))
print(sys.getrefcount(xs) - 1)
print(list(g))
print(sum(len(s) for s in ["ab", "cde"]))
big = [1000, 2000]
h = (b for b in big)
first = next(h)
print(sys.getrefcount(first) - 1)
del h
print(sys.getrefcount(first) - 1)
print(max(v * v for v in range(5)), min((v for v in [3, 1, 2])))
print(tuple(str(c) for c in "hi"), sorted(k for k in {"b": 1, "a": 2}))
def f(n):
    return sum(i for i in range(n))
print(f(10))
try:
    print(list(1 / (2 - k) for k in range(4)))
except ZeroDivisionError as e:
    print("error", e)
