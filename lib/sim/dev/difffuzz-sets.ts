// Dev helper: differential fuzzing of what the 2026-11 additions model, against pyenv's CPython:
// int-set iteration order (displays, adds, comprehensions, set(list)), comparisons of start-up
// counts (3.10/3.11), slotted classes, collections of closures and bound methods, get_referrers,
// lazy generator expressions.
// usage: npx tsx lib/sim/dev/difffuzz-sets.ts VERSION COUNT
import fs from "node:fs";
import fc from "fast-check";
import { argv, compareAll } from "./differential";

const { version: ver, count: n } = argv();
const int = fc.oneof(fc.integer({ min: -40, max: 300 }), fc.integer({ min: -3000000, max: 3000000 }), fc.constantFrom(-1, -2, 8, 16, 32, 64, 1 << 30, 2 ** 61, -(2 ** 61) + 1));
const ints = fc.array(int, { minLength: 0, maxLength: 14 });
const v = fc.constantFrom("a", "b", "c");
const cmp = fc.constantFrom("<", "<=", ">", ">=", "==", "!=");
const shared = fc.constantFrom("None", "True", "False", "0", "1", "5", "100", "255", "-3");
const stmt = fc.oneof(
  ints.filter((xs) => xs.length > 0).map((xs) => `print({${xs.join(", ")}})`),
  ints.map((xs) => `print(set([${xs.join(", ")}]))`),
  fc.tuple(v, ints).map(([x, xs]) => `${x} = set()\n${xs.map((k) => `${x}.add(${k})`).join("\n")}\nprint(${x}, len(${x}))`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100 })).map(([k, m]) => `print(list({i * ${m} for i in range(${k})}))`),
  fc.tuple(v, ints).map(([x, xs]) => `${x} = {${[...xs, 7].join(", ")}}\n${x}.add(12345)\nfor e in ${x}:\n    print(e, end=" ")\nprint()`),
  fc.tuple(shared, cmp, fc.integer({ min: 0, max: 5000 })).map(([o, c, k]) => `print(sys.getrefcount(${o}) ${c} ${k})`),
  fc.tuple(shared, cmp, fc.constantFrom(10, 100, 1000, 1000000, 999999999, 1000000000)).map(([o, c, k]) => `x = ${o}\nprint(sys.getrefcount(x) - 1 ${c} ${k})`),
  fc.tuple(fc.constantFrom('("a",)', '("a", "b")', '("a", "__weakref__")', '("a", "__dict__")', "()"), fc.boolean()).map(([sl, w]) => `class S:\n    __slots__ = ${sl}\ns = S()\nprint(sys.getrefcount(S), sys.getsizeof(s), gc.is_tracked(s))\ntry:\n    s.q = [1]\n    print(gc.collect())\nexcept AttributeError as e:\n    print(e)\n${w ? "try:\n    r = weakref.ref(s)\n    print(r() is s)\nexcept TypeError as e:\n    print(e)" : ""}`),
  fc.constantFrom(
    "def mk():\n    xs = []\n    def f(d=[]):\n        return xs, f\n    xs.append(f)\n    return f\ng = mk()\ndel g\nprint(gc.collect())",
    "class B:\n    def __init__(self):\n        self.m = self.go\n    def go(self):\n        pass\nb = B()\ndel b\nprint(gc.collect())",
    "t = [1]\nh = [t]\nd = {'k': t}\nprint(len(gc.get_referrers(t)), h in gc.get_referrers(t))",
  ),
  fc.tuple(ints, fc.integer({ min: -5, max: 50 }), fc.constantFrom("any", "all", "sum", "list", "max", "sorted")).map(([xs, k, f]) =>
    `vals = [${[...xs, 1].join(", ")}]\ng = (print(x) or x > ${k} for x in vals if x != ${k})\nprint(sys.getrefcount(vals) - 1)\nprint(${f}(g))\nprint(sys.getrefcount(vals) - 1)\ndel g\nprint(sys.getrefcount(vals) - 1)`),
);
const prelude = "import sys, gc, weakref\ngc.disable()\n";
const program = fc.array(stmt, { minLength: 1, maxLength: 6 }).map((ss) => prelude + ss.join("\n") + "\n");
const { ok, uns, bad, reasons } = compareAll(fc.sample(program, n), ver, (src, want, got, k) => {
  fs.writeFileSync(`/tmp/mms-${k}.py`, src);
  if (k <= 5) console.log("MISMATCH\n" + src + "\n--- want\n" + JSON.stringify(want) + "\n--- got\n" + JSON.stringify(got));
});
console.log({ ok, uns, bad }, reasons);
