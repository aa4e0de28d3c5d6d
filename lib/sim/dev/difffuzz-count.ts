// Dev helper: differential fuzzing of gc.get_count() against pyenv's CPython. Random allocation
// patterns run inside a function after gc.disable(); gc.collect(), each followed by a recorded
// gc.get_count(); the counts are printed at the end (print itself is not replayed).
// usage: npx tsx lib/sim/dev/difffuzz-count.ts VERSION COUNT
import fs from "node:fs";
import fc from "fast-check";
import { argv, compareAll } from "./differential";

const { version: ver, count: n } = argv();
const v = fc.constantFrom("a", "b", "c", "d");
const stmt = fc.oneof(
  fc.tuple(v).map(([x]) => `${x} = []`), fc.tuple(v).map(([x]) => `${x} = {}`), fc.tuple(v, v).map(([x, y]) => `${x} = [${y}, ${y}]`),
  fc.tuple(v, v).map(([x, y]) => `${x} = (${y}, 1000)`), fc.tuple(v, v).map(([x, y]) => `${x} = (${y},)`), fc.tuple(v, v).map(([x, y]) => `${x} = ${y}`),
  fc.tuple(v).map(([x]) => `${x} = None`), fc.tuple(v, v).map(([x, y]) => `${x} = {"k": ${y}}`), fc.tuple(v, v).map(([x, y]) => `${x} = {${y}, 1} if False else {1, 2}`),
  fc.tuple(v, v).map(([x, y]) => `${x} = N(${y})`), fc.tuple(v, v).map(([x, y]) => `${x} = N(o=${y})`), fc.tuple(v).map(([x]) => `${x} = E()`),
  fc.tuple(v, v).map(([x, y]) => `${x} = mk(${y})`), fc.tuple(v, v).map(([x, y]) => `${x} = ident(${y})`), fc.tuple(v).map(([x]) => `${x} = rec(2)`),
  fc.tuple(v).map(([x]) => `${x} = [i for i in range(3)]`), fc.tuple(v).map(([x]) => `${x} = [[i] for i in range(2)]`), fc.tuple(v).map(([x]) => `${x} = {i: (i, i) for i in range(2)}`),
  fc.tuple(v, v).map(([x, y]) => `${x} = [${y}] * 3`), fc.tuple(v, v).map(([x, y]) => `${x} = list((${y}, ${y}))`), fc.tuple(v).map(([x]) => `${x} = "a b".split()`),
  fc.tuple(v, v).map(([x, y]) => `${x} = lambda q=${y}: q`), fc.tuple(v).map(([x]) => `${x} = sorted([2, 1])`),
  fc.constantFrom("gc.collect(0)", "gc.collect(1)", "gc.collect()", "pass"),
  fc.tuple(v).map(([x]) => `del ${x}\n    ${x} = None`), fc.tuple(v, v).map(([x, y]) => `for q in [${x}, ${y}]:\n        pass`),
  fc.tuple(v, v).map(([x, y]) => `${x} = [${y}]\n    ${x}.append(${x})`), fc.tuple(v, v).map(([x, y]) => `${x} = {"s": ${y}}\n    ${x}.pop("s")`),
  fc.tuple(v, v).map(([x, y]) => `${x} = N(${y})\n    ${x}.extra = [${x}]`), fc.tuple(v).map(([x]) => `${x} = F()`), fc.tuple(v, v).map(([x, y]) => `${x} = [${y}]\n    ${x} += [1, 2]`),
  fc.tuple(v).map(([x]) => `${x} = set()\n    ${x}.add(1)`), fc.tuple(v, v).map(([x, y]) => `${x} = ${y}, ${y}`), fc.tuple(v, v).map(([x, y]) => `${x} = {"k": [${y}]}\n    del ${x}["k"]`),
  fc.tuple(v, v).map(([x, y]) => `${x} = [${y}, [${y}]]\n    ${x}.pop()`), fc.tuple(v).map(([x]) => `${x} = mk2()\n    ${x}()`),
);
const prelude = "import gc\nclass N:\n    def __init__(self, o):\n        self.o = o\nclass E:\n    pass\ndef mk(n):\n    def inner():\n        return n\n    return inner\ndef ident(x):\n    return x\ndef rec(k):\n    return [] if k == 0 else rec(k - 1)\nclass F:\n    def __del__(self):\n        self.gone = [1]\ndef mk2():\n    box = []\n    def push():\n        box.append([len(box)])\n        return box\n    return push\n";
const body = (ss: string[]) => ss.map((s) => `    ${s}\n    r.append(gc.get_count())`).join("\n");
const program = fc.array(stmt, { minLength: 1, maxLength: 14 }).map((ss) =>
  prelude + "def main():\n    a = b = c = d = None\n    gc.disable()\n    gc.collect()\n    r = [gc.get_count()]\n" + body(ss) + "\n    gc.enable()\n    for x in r:\n        print(x)\nmain()\n");
const { ok, uns, bad, reasons } = compareAll(fc.sample(program, n), ver, (src, want, got, k) => {
  fs.writeFileSync(`/tmp/mm-count-${k}.py`, src);
  if (k <= 3) console.log("MISMATCH\n" + src + "\n--- want\n" + JSON.stringify(want) + "\n--- got\n" + JSON.stringify(got));
});
console.log({ ok, uns, bad }, reasons);
