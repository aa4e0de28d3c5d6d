stock = {"apple": 3, "pear": 0}
stock["fig"] = 7
print(list(stock.keys()))
print(list(stock.values()))
print(list(stock.items()))
print(stock.get("kiwi", -1), stock.pop("pear"), stock)
