import threading

lock = threading.Lock()
print(lock.acquire())
print(lock.locked())
print(lock.acquire(blocking=False))
lock.release()
print(lock.locked())
print(lock.acquire(False))
lock.release()
