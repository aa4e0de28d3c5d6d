class InsufficientFunds(Exception):
    pass

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds("need " + str(amount - balance) + " more")
    return balance - amount

print(withdraw(100, 30))
try:
    withdraw(10, 30)
except InsufficientFunds as e:
    print("error:", e)
withdraw(0, 5)
