import sys
literal = "already_interned"
built = "".join(["already", "_", "interned"])
print(built is literal)
print(sys.intern(built) is literal)
