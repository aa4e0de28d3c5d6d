count = 0

def bump():
    global count
    count += 1

def shadow():
    count = 100
    return count

bump()
bump()
print(count, shadow(), count)
