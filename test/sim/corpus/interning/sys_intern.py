import sys
a = "".join(["memory ", "model"])
b = "".join(["memory ", "model"])
print(a is b)
a = sys.intern(a)
b = sys.intern(b)
print(a is b)
