class Temp:
    def __del__(self):
        print("Temp freed")

def work():
    t = Temp()
    print("working")
    return 7

result = work()
print("result", result)
