import sys
inner = [1]
t = (inner, inner, inner)
print(sys.getrefcount(inner) - 1)
t = None
print(sys.getrefcount(inner) - 1)
