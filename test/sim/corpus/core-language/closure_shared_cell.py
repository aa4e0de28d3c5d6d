def make_pair():
    value = [0]
    def get():
        return value[0]
    def set_(v):
        value[0] = v
    return get, set_

get, set_ = make_pair()
set_(42)
print(get())
