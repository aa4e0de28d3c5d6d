import sys
import threading

data = ["shared"]
results = []

def worker(d):
    results.append(len(d))

t = threading.Thread(target=worker, args=(data,))
print(sys.getrefcount(data) - 1)
t.start()
t.join()
print(results)
print(sys.getrefcount(data) - 1)
