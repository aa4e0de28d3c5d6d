import weakref
try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref("text")
except TypeError as e:
    print("TypeError:", e)
