import weakref

class Service:
    def ping(self):
        return "pong"

s = Service()
w = weakref.ref(s)
alias = s
del s
print(w().ping())
del alias
print(w())
