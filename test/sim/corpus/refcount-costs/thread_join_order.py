import threading

log = []
lock = threading.Lock()

def task(name):
    with lock:
        log.append(name)

for name in ["first", "second", "third"]:
    t = threading.Thread(target=task, args=(name,))
    t.start()
    t.join()
print(log)
