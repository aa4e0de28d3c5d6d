class Logger:
    def __del__(self):
        print("logger flushed at exit")

log = Logger()
print("program body done")
