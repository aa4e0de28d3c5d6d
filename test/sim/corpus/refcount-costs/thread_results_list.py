import threading

squares = [0] * 5

def compute(i):
    squares[i] = i * i

ts = [threading.Thread(target=compute, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(squares)
