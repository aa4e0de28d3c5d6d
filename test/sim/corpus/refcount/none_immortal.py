import sys
# None became immortal in 3.12: its count is a huge constant.
print(sys.getrefcount(None) > 1000000)
x = None
print(sys.getrefcount(None) > 1000000)
