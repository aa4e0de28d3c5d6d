original = [[1, 2], [3, 4]]
shallow = original.copy()
shallow.append([5])
shallow[0].append(99)
print(original)
print(shallow)
print(shallow[0] is original[0])
