# Programs of the unit-test table (lib/sim/recorded.test.ts). Writes cases.json to the current
# directory for lib/sim/dev/record.mjs, whose output lib/sim/dev/gen-tests.mjs turns into the test.
import json
C = {}
C["refcount_alias"] = """import sys
x = [1, 2, 3]
print(sys.getrefcount(x) - 1)
y = x
print(sys.getrefcount(x) - 1)
z = x
print(sys.getrefcount(x) - 1)
del x
print(sys.getrefcount(y) - 1)
del y
print(sys.getrefcount(z) - 1)
"""
C["refcount_containers"] = """import sys
a = []
b = [a, a]
d = {"k": a}
t = (a,)
print(sys.getrefcount(a))
b.pop()
print(sys.getrefcount(a))
del d["k"]
print(sys.getrefcount(a))
del t
print(sys.getrefcount(a))
"""
C["refcount_in_function"] = """import sys
def f(p):
    q = p
    print(sys.getrefcount(p))
    return q
obj = []
r = f(obj)
print(sys.getrefcount(obj))
def g():
    local = {}
    print(sys.getrefcount(local))
g()
"""
C["refcount_constants"] = """import sys
big = 123456
other = 123456
print(sys.getrefcount(big), big is other)
s = "hello world!"
print(sys.getrefcount(s))
f = 2.5
print(sys.getrefcount(f))
def h():
    return 123456
print(h() is big, sys.getrefcount(big))
"""
C["refcount_immortal"] = """import sys
x = None
print(sys.getrefcount(x) > 1000)
print(sys.getrefcount(7) > 100)
"""
C["is_small_ints_script"] = """a = 256
b = 256
print(a is b)
c = 257
d = 257
print(c is d)
e = 2 ** 8
print(e is a)
f = int("300")
g = int("300")
print(f is g, f == g)
h = 10 ** 3
i = 1000
print(h is i)
"""
C["is_strings"] = """a = "hello"
b = "hello"
print(a is b)
c = "hello world!"
d = "hello world!"
print(c is d)
e = "hel" + "lo"
print(e is a)
p = "hel"
f = p + "lo"
print(f is a, f == a)
import sys
g = sys.intern(f)
print(g is a)
h = "ab" * 3
k = "ababab"
print(h is k)
"""
C["circular_gc"] = """import gc
gc.collect()
l1 = []
l2 = [l1]
l1.append(l2)
del l1, l2
print(gc.collect())
print(gc.collect())
"""
C["gc_instances"] = """import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect())
"""
C["gc_del_in_cycle"] = """import gc
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
gc.disable()
x = R(1)
y = R(2)
x.p = y
y.p = x
del x
del y
print("before collect")
print(gc.collect())
print("after")
"""
# (before gc_api: record.mjs runs every case in one Pyodide, and gc_api sets the thresholds)
C["gc_c_tuples_tracked"] = """import gc
t = gc.get_threshold()
print(t, gc.is_tracked(t))
print(gc.is_tracked(divmod(7, 2)), gc.is_tracked(divmod(7.5, 2)))
print(gc.is_tracked((1, 2)))
"""
C["gc_api"] = """import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(900, 5)
print(gc.get_threshold())
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked((1, 2)))
"""
C["weakref_callback"] = """import weakref
class Obj:
    pass
def cb(r):
    print("callback", r() is None)
o = Obj()
r = weakref.ref(o, cb)
print(r() is o)
del o
print(r())
"""
C["weakref_errors"] = """import weakref
class A:
    __slots__ = ("x",)
try:
    weakref.ref([1])
except TypeError as e:
    print(e)
try:
    weakref.ref(A())
except TypeError as e:
    print(e)
"""
C["weakvaluedict"] = """import weakref
class Item:
    def __init__(self, n):
        self.n = n
cache = weakref.WeakValueDictionary()
a = Item(1)
cache["a"] = a
print(len(cache), "a" in cache, cache["a"].n)
del a
print(len(cache), "a" in cache, cache.get("a"))
"""
C["del_finalizer_order"] = """class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
items = [D(1), D(2), D(3)]
print("made")
del items
print("gone")
d = {"a": D("a"), "b": D("b")}
d = None
t = (D("t1"), D("t2"))
del t
print("end")
"""
C["getsizeof_basic"] = """import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 40), sys.getsizeof(-7))
print(sys.getsizeof(1.0), sys.getsizeof(""), sys.getsizeof("abc"), sys.getsizeof(None), sys.getsizeof(True))
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(()), sys.getsizeof((1, 2)))
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof({1: 2}), sys.getsizeof(set()), sys.getsizeof({1, 2, 3, 4, 5}))
"""
C["getsizeof_growth"] = """import sys
l = []
sizes = []
for i in range(20):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
d = {}
ds = []
for i in range(12):
    d[i] = i
    ds.append(sys.getsizeof(d))
print(ds)
"""
C["copy_module"] = """import copy
a = [[1, 2], [3]]
b = copy.copy(a)
c = copy.deepcopy(a)
print(a == b == c, a is b, a[0] is b[0], a[0] is c[0])
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
class P:
    def __init__(self):
        self.items = [1]
p = P()
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.items is p.items, r.items is p.items, r.items == p.items)
"""
C["threads_lock"] = """import threading
counter = 0
lock = threading.Lock()
def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=work, args=(1000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
"""
C["core_errors"] = """def f():
    try:
        return [1][5]
    except IndexError as e:
        print("caught", e)
    finally:
        print("finally")
f()
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print(repr(e), str(e))
try:
    int("x")
except ValueError as e:
    print(e)
print(undefined_name_zz)
"""
C["core_classes"] = """class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
class Dog(Animal):
    def speak(self):
        return self.name + " barks"
a = Animal("cat")
d = Dog("rex")
print(a.speak(), d.speak(), d.kind, isinstance(d, Animal), type(d).__name__)
print(Dog.__name__, issubclass(Dog, Animal))
"""
C["core_closures"] = """def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(5))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
"""
C["core_strings"] = """s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), "-".join(["a", "b"]))
print(s[0], s[-1], s[2:5], s[::-1], len(s))
print(f"{s!r} {3.14159:.2f} {42:>5} {'x':<3}|")
print("%s is %d years" % ("Ann", 30))
print(s.replace("World", "There"), s.startswith("He"), s.find("o"), s.count("l"))
"""
C["core_numbers"] = """print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1)
print(0.1 + 0.2, 1e16, 1e-5, 123456789.123, 1 / 3, float("inf"))
print(round(2.5), round(3.5), round(2.675, 2), abs(-3), divmod(17, 5))
print(10 ** 20, -(2 ** 63), int(3.9), int("-42"), float("1.5e3"))
print(True + True, 3 * "ab", [0] * 3)
"""
C["core_collections"] = """l = [3, 1, 2]
l.append(5)
l.insert(0, 9)
l.extend([7, 8])
print(l, l.pop(), l.pop(0), sorted(l), l.index(2))
l.remove(1)
l.sort(reverse=True)
print(l)
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("z", 0))
print({1, 2, 3} | {3, 4}, {1, 2} & {2, 3}, len({1, 1, 2}))
print(list(zip([1, 2], "ab")), list(enumerate("xy", 1)), sum([1, 2, 3]), min(3, 1, 2), max([4, 9]))
a, *b = range(4)
print(a, b, [x * x for x in range(5) if x % 2], {k: v for k, v in [("x", 1)]})
"""
C["race_unlocked_small"] = """import threading
counter = 0
def work():
    global counter
    for _ in range(3):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""
C["repl_free_list_identity"] = """import sys
x = 1000
y = x
print(sys.getrefcount(x), x is y)
del x
print(sys.getrefcount(y))
"""

R = {}
R["repl_is_literals"] = """a = 1000
b = 1000
a is b
c = 1000; d = 1000
c is d
s = "hello"
t = "hello"
s is t
u = "hello world!"
v = "hello world!"
u is v
"""
R["repl_echo_and_underscore"] = """import sys
x = [1, 2]
x
sys.getrefcount(x)
_
for i in range(2):
    i
y = None
y
"""
R["repl_errors_continue"] = """print("a")
1 / 0
print("b")
undefined_name
print("c")
"""
R["repl_refcount_constant"] = """import sys
big = 123456
sys.getrefcount(big)
def f():
    return 123456
f() is big
"""
C["name_error_hint"] = """counter = 3
print(counter)
print(cuonter)
"""
C["attribute_error_hint"] = """class P:
    def __init__(self):
        self.value = 1
p = P()
x = None
try:
    x.append(1)
except AttributeError as e:
    print(e)
print(p.valeu)
"""
C["instance_dict"] = """import gc
class P:
    pass
p = P()
p.a = 1
p.b = [2]
print(p.__dict__, vars(p) is p.__dict__)
p.__dict__["c"] = 3
print(p.c)
p.me = p
del p
print(gc.collect())
"""
C["class_counter_in_del"] = """import gc
class Blob:
    count = 0
    def __init__(self):
        Blob.count += 1
        self.me = self
    def __del__(self):
        Blob.count -= 1
gc.disable()
for i in range(3):
    b = Blob()
del b
print(Blob.count, gc.collect(), Blob.count)
"""
for name, src in {
    "syntax_missing_colon": "x = 3\nif x > 2\n    print(x)\n",
    "syntax_unclosed": "print('start')\nvalues = [1, 2, 3\nprint(values)\n",
    "syntax_unterminated": "s = 'abc\nprint(s)\n",
    "syntax_assign_in_if": "x = 1\nif x = 1:\n    pass\n",
    "syntax_missing_comma": "items = [1, 2 3]\n",
    "syntax_return_outside": "print('a')\nreturn 5\n",
    "syntax_break_outside": "print('a')\nbreak\n",
    "syntax_unexpected_indent": "x = 1\n    y = 2\n",
    "syntax_expected_indent": "def f():\nreturn 1\n",
    "syntax_bad_dedent": "if True:\n    x = 1\n  y = 2\n",
}.items():
    C[name] = src
json.dump([{"name": k, "src": v} for k, v in C.items()] + [{"name": k, "src": v, "mode": "repl"} for k, v in R.items()], open("cases.json", "w"))
