import sys
print(sys.getsizeof([]))
print(sys.getsizeof(()))
print(sys.getsizeof({}))
print(sys.getsizeof(set()))
print(sys.getsizeof(""))
