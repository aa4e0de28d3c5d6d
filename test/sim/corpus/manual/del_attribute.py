class User:
    def __init__(self):
        self.name = "ann"
        self.token = "secret"

u = User()
del u.token
print(u.name)
print("token" in u.__dict__)
del u.token
