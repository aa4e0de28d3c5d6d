# expect: unsupported
def gen():
    yield 1
    yield 2

print(list(gen()))
