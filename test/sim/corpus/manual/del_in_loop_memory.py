class Chunk:
    alive = 0

    def __init__(self):
        Chunk.alive += 1

    def __del__(self):
        Chunk.alive -= 1

chunks = []
for i in range(5):
    chunks.append(Chunk())
print(Chunk.alive)
del chunks[:3]
print(Chunk.alive)
chunks = None
print(Chunk.alive)
