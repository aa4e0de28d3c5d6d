import copy

class Config:
    def __init__(self):
        self.values = [1, 2]

c1 = Config()
c2 = copy.copy(c1)
c3 = copy.deepcopy(c1)
c1.values.append(3)
print(c2.values, c3.values)
print(c2 is c1, c2.values is c1.values)
