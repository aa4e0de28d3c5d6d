class Res:
    def __del__(self):
        print("res freed")

def fail():
    r = Res()
    raise ValueError("boom")

try:
    fail()
except ValueError as e:
    print("caught", e)
print("after try")
