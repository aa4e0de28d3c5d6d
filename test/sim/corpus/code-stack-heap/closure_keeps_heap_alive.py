class Big:
    def __del__(self):
        print("Big freed")

def make_getter():
    big = Big()
    def get():
        return big
    return get

g = make_getter()
print("getter made")
print(isinstance(g(), Big))
del g
print("after del g")
