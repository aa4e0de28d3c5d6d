import sys
flag = True
nothing = None
print(sys.getrefcount(flag) > 100)
print(sys.getrefcount(nothing) > 100)
print(sys.getrefcount(0) > 100)
