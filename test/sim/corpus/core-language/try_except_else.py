def parse(text):
    try:
        n = int(text)
    except ValueError:
        print("bad:", text)
        return None
    else:
        print("good:", n)
        return n
    finally:
        print("checked", text)

parse("12")
parse("abc")
