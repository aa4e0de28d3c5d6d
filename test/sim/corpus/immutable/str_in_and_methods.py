s = "garbage collector"
print("bag" in s, "age" in s, "gc" in s)
print(s.count("a"), s.find("coll"), s.find("zzz"))
print(s.startswith("gar"), s.endswith("tor"))
print(s.replace(" ", "_").upper())
