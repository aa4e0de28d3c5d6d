import threading

balance = 0
lock = threading.Lock()

def deposit(times):
    global balance
    for _ in range(times):
        lock.acquire()
        balance = balance + 1
        lock.release()

threads = []
for _ in range(3):
    threads.append(threading.Thread(target=deposit, args=(500,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("balance:", balance)
