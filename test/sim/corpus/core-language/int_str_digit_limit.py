# Decimal text of a huge int is refused (int_max_str_digits, 4300 by default since 3.10.7);
# the number itself is fine, and so is its size in memory.
big = 10 ** 4299
print(len(str(big)))
print(len(str(-big)))
try:
    str(big * 10)
except ValueError as e:
    print(e)
try:
    int("7" * 4301)
except ValueError as e:
    print(e)
n = 10 ** 5000
print(n > big, n.bit_length())
print(len(repr(n)))
