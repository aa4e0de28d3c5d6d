big1 = 123456
big2 = 123456
print(big1 is big2)
small1 = 99
small2 = 99
print(small1 is small2)
