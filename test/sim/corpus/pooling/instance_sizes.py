import sys

class WithDict:
    def __init__(self):
        self.a = 1
        self.b = 2

class WithSlots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2

print(sys.getsizeof(WithDict()))
print(sys.getsizeof(WithSlots()))
print(sys.getsizeof(WithSlots()) < sys.getsizeof(WithDict()) + 100)
