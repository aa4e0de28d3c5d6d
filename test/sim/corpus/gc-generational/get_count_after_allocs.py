# expect: unsupported in repl: the young-generation count includes what the shell itself allocates to read and compile each input (the oracle measured 23-25 right after a collection), which is the host program, not the memory model
import gc
gc.disable()
gc.collect()
before = gc.get_count()[0]
keep = []
for i in range(10):
    keep.append([i])
after = gc.get_count()[0]
print(after - before >= 10)
