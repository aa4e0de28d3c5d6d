import gc
target = ["target"]
holder = [target]
other = {"t": target}
refs = gc.get_referrers(target)
print(len([r for r in refs if r is holder]))
print(len([r for r in refs if r is other]))
