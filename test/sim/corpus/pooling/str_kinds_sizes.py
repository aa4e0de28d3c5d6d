import sys
print(sys.getsizeof("abé"), sys.getsizeof("é"), sys.getsizeof("é" * 10))
print(sys.getsizeof("€"), sys.getsizeof("ab€" * 5), sys.getsizeof("😀"), sys.getsizeof("a😀b"))
print(sys.getsizeof("ÿ€"), sys.getsizeof("\u0100"), sys.getsizeof("\uffff"), sys.getsizeof("𐀀"))
s = "naïve café"
print(sys.getsizeof(s) - sys.getsizeof(s[:-1]), sys.getsizeof(s.upper()))
