class Conn:
    def __init__(self, host):
        self.host = host

    def __del__(self):
        print("closing", self.host)

pool = [Conn("db1"), Conn("db2")]
c = pool[0]
del pool[0]
print("removed from pool")
del c
print("dropped last ref")
