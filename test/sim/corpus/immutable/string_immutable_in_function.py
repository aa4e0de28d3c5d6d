def shout(s):
    s = s.upper()
    return s

msg = "quiet"
loud = shout(msg)
print(msg, loud)
