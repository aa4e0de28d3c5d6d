import weakref

def helper():
    return 42

w = weakref.ref(helper)
print(w()())
helper = None
print(w())
