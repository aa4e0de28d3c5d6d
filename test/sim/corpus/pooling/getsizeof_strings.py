import sys
print(sys.getsizeof("a"))
print(sys.getsizeof("hello"))
print(sys.getsizeof("hello") - sys.getsizeof(""))
