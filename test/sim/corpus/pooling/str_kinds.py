import sys
print(sys.getsizeof("abc"))
print(sys.getsizeof("abé"))
print(sys.getsizeof("ab€"))
print(sys.getsizeof("a" * 100) - sys.getsizeof("a"))
