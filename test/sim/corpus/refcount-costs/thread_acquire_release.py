import threading

total = [0]
lock = threading.Lock()

def add(n):
    lock.acquire()
    try:
        total[0] += n
    finally:
        lock.release()

workers = [threading.Thread(target=add, args=(i,)) for i in range(5)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(total[0])
print(lock.locked())
