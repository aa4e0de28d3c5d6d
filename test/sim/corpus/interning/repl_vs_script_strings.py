first = "not an identifier!"
second = "not an identifier!"
print(first is second)
ident1 = "identifier_like"
ident2 = "identifier_like"
print(ident1 is ident2)
