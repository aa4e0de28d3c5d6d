import sys
# Small ints are shared; from 3.12 they are immortal too.
print(sys.getrefcount(5) > 1000000)
print(sys.getrefcount(True) > 1000000)
print(sys.getrefcount(1000000007) < 100)
