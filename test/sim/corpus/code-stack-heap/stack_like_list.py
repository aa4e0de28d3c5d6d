stack = []
for token in "3 4 + 2 *".split():
    if token == "+":
        b = stack.pop()
        a = stack.pop()
        stack.append(a + b)
    elif token == "*":
        b = stack.pop()
        a = stack.pop()
        stack.append(a * b)
    else:
        stack.append(int(token))
print(stack)
