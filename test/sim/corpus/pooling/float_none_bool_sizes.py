import sys
print(sys.getsizeof(1.5))
print(sys.getsizeof(None))
print(sys.getsizeof(False), sys.getsizeof(True))
print(sys.getsizeof(1.5) == sys.getsizeof(1e300))
