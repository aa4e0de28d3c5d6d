# 3.14 stores a loop variable as a borrowed reference only when the loop iterates a sequence a
# local holds; over a temporary (a list display, built as a tuple) the variable owns its object.
import sys
def main():
    x = [1]
    for q in [x, x]:
        pass
    print(sys.getrefcount(x))
    y = [2]
    for q in (x, y):
        pass
    print(sys.getrefcount(y))
    for q in [y]:
        pass
    print(sys.getrefcount(y))
main()
x = [1]
for q in [x, x]:
    pass
print(sys.getrefcount(x))
