import copy
shared = [1, 2]
outer = [shared, shared]
dup = copy.deepcopy(outer)
print(dup[0] is dup[1])
print(dup[0] is shared)
dup[0].append(3)
print(dup, outer)
