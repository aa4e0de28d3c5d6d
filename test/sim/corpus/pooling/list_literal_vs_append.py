import sys
a = [1, 2, 3, 4, 5]
b = []
for i in range(5):
    b.append(i + 1)
print(a == b)
print(sys.getsizeof(a), sys.getsizeof(b))
print(sys.getsizeof(a) < sys.getsizeof(b))
