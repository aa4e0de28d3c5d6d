import sys
base = "dynamic"
s1 = base + "_name"
s2 = base + "_name"
print(s1 == s2, s1 is s2)
i1 = sys.intern(s1)
i2 = sys.intern(s2)
print(i1 is i2)
print(i1 == "dynamic_name")
