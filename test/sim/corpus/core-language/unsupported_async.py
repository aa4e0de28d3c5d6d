# expect: unsupported
async def main():
    return 1

print(type(main).__name__)
