import sys
first = ["first"]
second = ["second"]
name = first
print(sys.getrefcount(first) - 1, sys.getrefcount(second) - 1)
name = second
print(sys.getrefcount(first) - 1, sys.getrefcount(second) - 1)
