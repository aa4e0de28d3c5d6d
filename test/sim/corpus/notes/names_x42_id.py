# Course notes, "Names, References, and Objects". Verbatim except print(id(x)): a raw address
# differs on every run, so it prints whether id() gave an int instead.
x = 42
print(isinstance(id(x), int)) # e.g., 140712834927920
