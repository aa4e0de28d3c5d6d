# expect: unsupported
import os.path
parts = ["a", "b"]
joined = os.path.join(parts[0], parts[1])
print(joined)
