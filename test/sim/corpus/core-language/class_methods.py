class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

acct = Account("ana")
acct.deposit(50)
print(acct.owner, acct.deposit(25))
print(isinstance(acct, Account), type(acct).__name__)
