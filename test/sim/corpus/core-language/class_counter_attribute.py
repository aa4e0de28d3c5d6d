class Student:
    count = 0

    def __init__(self, name):
        self.name = name
        Student.count += 1

    def greet(self):
        return "Hi, " + self.name

a = Student("Ana")
b = Student("Ben")
print(Student.count, a.count)
print(a.greet(), b.greet())
