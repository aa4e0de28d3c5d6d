import gc

class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

gc.disable()
alice = Person("alice")
bob = Person("bob")
alice.friend = bob
bob.friend = alice
del alice, bob
print(gc.collect())
