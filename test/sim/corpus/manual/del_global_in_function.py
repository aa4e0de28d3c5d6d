config = {"mode": "debug"}

def reset():
    global config
    del config

reset()
print("config" in globals())
print(config)
