import sys
keys = ["".join(["user", str(i)]) for i in range(3)]
interned = [sys.intern(k) for k in keys]
again = [sys.intern("user" + str(i)) for i in range(3)]
print([a is b for a, b in zip(interned, again)])
print(keys == interned)
