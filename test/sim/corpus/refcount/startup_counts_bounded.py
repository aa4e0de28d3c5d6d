import sys
# None, True, False and small ints are shared with the interpreter itself: their counts are
# large and start-up dependent before 3.12, immortal constants after. Only their order of
# magnitude is stable.
a = None
items = [None] * 50
print(sys.getrefcount(None) > 1000)
print(sys.getrefcount(a) - 1 > 1000)
print(sys.getrefcount(False) > 20)
print(sys.getrefcount(0) > 150)
print(1000000000 < sys.getrefcount(7))
n = 256
print(sys.getrefcount(n) >= 3)
