# expect: unsupported
import json
record = {"a": 1}
text = json.dumps(record)
print(text)
