// Dev helper: differential fuzzing against the real interpreters (pyenv), reports mismatches.
// usage: npx tsx lib/sim/dev/difffuzz.ts VERSION COUNT
import fs from "node:fs";
import fc from "fast-check";
import { argv, compareAll } from "./differential";

const { version: ver, count: n } = argv();
const v = fc.constantFrom("a", "b", "c", "d");
const stmt = fc.oneof(
  fc.tuple(v).map(([x]) => `${x} = []`), fc.tuple(v).map(([x]) => `${x} = {}`), fc.tuple(v, v).map(([x, y]) => `${x} = [${y}, ${y}]`),
  fc.tuple(v, v).map(([x, y]) => `${x} = ${y}`), fc.tuple(v, v).map(([x, y]) => `${x}.append(${y})`), fc.tuple(v, v).map(([x, y]) => `${x} = (${y}, 1000)`),
  fc.tuple(v, fc.integer({ min: -10, max: 3000 })).map(([x, k]) => `${x} = ${k}`), fc.tuple(v, fc.integer({ min: 0, max: 30 })).map(([x, k]) => `${x} = "k" + str(${k})`),
  fc.tuple(v).map(([x]) => `del ${x}`), fc.tuple(v).map(([x]) => `print(sys.getrefcount(${x}))`), fc.tuple(v, v).map(([x, y]) => `print(${x} is ${y}, ${x} == ${y})`),
  fc.tuple(v).map(([x]) => `print(len(${x}))`), fc.constant("print(gc.collect())"), fc.tuple(v, v).map(([x, y]) => `${x}[0] = ${y}`), fc.tuple(v).map(([x]) => `${x}.pop()`),
  fc.tuple(v, v).map(([x, y]) => `${x} = {${y}: ${y}} if False else {"k": ${y}}`), fc.tuple(v).map(([x]) => `print(sys.getsizeof(${x}))`),
  fc.tuple(v, v).map(([x, y]) => `${x} = N(${y})`), fc.tuple(v, v).map(([x, y]) => `${x}.o = ${y}`), fc.tuple(v).map(([x]) => `${x} = weakref.ref(N(0), cb)`),
  fc.tuple(v, v).map(([x, y]) => `${x} = copy.deepcopy(${y})`), fc.tuple(v).map(([x]) => `print(gc.is_tracked(${x}))`),
  fc.tuple(v, v).map(([x, y]) => `def f${x}(p):\n        q = p\n        print(sys.getrefcount(p), sys.getrefcount(${y}))\n    f${x}(${x})`),
);
const prelude = "import sys, gc, weakref, copy\nclass N:\n    def __init__(self, o):\n        self.o = o\n    def __del__(self):\n        print('del N')\ndef cb(r):\n    print('cb')\n";
const program = fc.array(stmt, { minLength: 1, maxLength: 12 }).map((ss) => prelude + ss.map((s) => `try:\n    ${s}\nexcept Exception as e:\n    print(type(e).__name__)`).join("\n") + "\n");
const { ok, uns, bad, reasons } = compareAll(fc.sample(program, n), ver, (src, want, got, k) => {
  fs.writeFileSync(`/tmp/mm-${k}.py`, src);
  if (k <= 8) console.log("MISMATCH\n" + src + "\n--- want\n" + JSON.stringify(want) + "\n--- got\n" + JSON.stringify(got));
});
console.log({ ok, uns, bad }, reasons);
