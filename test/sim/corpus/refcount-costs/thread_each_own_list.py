import threading

buckets = [[], [], []]

def fill(i):
    for k in range(3):
        buckets[i].append(i * 10 + k)

ts = []
for i in range(3):
    ts.append(threading.Thread(target=fill, args=(i,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(buckets)
