text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
long_words = {w: n for w, n in counts.items() if n > 1}
print(long_words)
