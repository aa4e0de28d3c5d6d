stack = [1]
print(stack.pop())
print(len(stack))
print(stack)
print(stack.pop())
