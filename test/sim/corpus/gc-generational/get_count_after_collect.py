# expect: unsupported in repl: the young-generation count includes what the shell itself allocates to read and compile each input (the oracle measured 23-25 right after a collection), which is the host program, not the memory model
import gc
gc.collect()
print(gc.get_count()[1:])
gc.collect()
counts = gc.get_count()
print(len(counts))
