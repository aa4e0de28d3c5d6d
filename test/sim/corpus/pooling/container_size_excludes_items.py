import sys
small = [1, 2, 3]
big = ["x" * 1000, "y" * 1000, "z" * 1000]
print(sys.getsizeof(small) == sys.getsizeof(big))
print(sys.getsizeof(big[0]) > 1000)
