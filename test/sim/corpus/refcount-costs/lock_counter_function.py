import threading

class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def increment(self):
        with self.lock:
            self.value += 1

c = Counter()
threads = [threading.Thread(target=c.increment) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(c.value)
