import sys
lst = []
last = sys.getsizeof(lst)
grows = 0
for i in range(64):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size > last:
        grows += 1
        print("len", len(lst), "->", size)
        last = size
print("grew", grows, "times")
