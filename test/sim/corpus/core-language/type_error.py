print("a" + "b")
age = 20
print("age: " + str(age))
label = "age: "
print(label + age)
