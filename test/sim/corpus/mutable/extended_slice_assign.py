import sys
a = [0, 1, 2, 3, 4, 5]
a[::-2] = "abc"
print(a)
a[::2] = a[1::2]
print(a)
t = (10, 20, 30)
a[1::2] = t
print(a, sys.getrefcount(t))
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
try:
    a[::2] = 5
except TypeError as e:
    print(e)
a[::-1] = a
print(a)
