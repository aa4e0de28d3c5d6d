class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

class Dog(Animal):
    def speak(self):
        return self.name + " says woof"

pets = [Animal("generic"), Dog("rex")]
for p in pets:
    print(p.speak())
print(isinstance(pets[1], Animal), isinstance(pets[0], Dog))
