# expect: unsupported
import os
pid = os.getpid()
print(pid > 0)
print(type(pid).__name__)
