class Temp:
    def __repr__(self):
        return "Temp()"

    def __del__(self):
        print("temp gone")

def make():
    return Temp()

make()
print("after discarded call")
t = make()
print("kept")
t = 0
print("end")
