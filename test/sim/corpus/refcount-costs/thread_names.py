import threading

print(threading.current_thread().name)
seen = []

def who():
    seen.append(threading.current_thread().name)

t = threading.Thread(target=who, name="worker-1")
t.start()
t.join()
print(seen, t.is_alive())
