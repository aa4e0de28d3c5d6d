import sys
print(sys.getsizeof("a"))
print(sys.getsizeof("hello"))
print(sys.getsizeof("hello") - sys.getsizeof(""))
print(sys.getsizeof("a" * 10) - sys.getsizeof("a" * 5))
