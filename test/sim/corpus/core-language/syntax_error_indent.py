def f():
print("body")

f()
print("after")
