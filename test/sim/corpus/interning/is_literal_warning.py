# `is` with a literal: CPython compiles it with a SyntaxWarning (printed to stderr, then runs).
a = 256
print(a is 256)
s = "hello"
print(s is "hello")
print(a is not 257)
t = ()
print(t is ())
assert (a, "a is set")
print("done")
