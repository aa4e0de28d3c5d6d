// Dev helper: differential fuzzing against the real interpreters (pyenv), reports mismatches.
// usage: npx tsx lib/sim/dev/difffuzz.ts VERSION COUNT
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { run, type PythonVersion } from "../index";

const FULL: Record<string, string> = { "3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0" };
const ver = (process.argv[2] ?? "3.12") as PythonVersion;
const n = Number(process.argv[3] ?? 100);
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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dfz-"));
let ok = 0, uns = 0, bad = 0;
const reasons = new Map<string, number>();
for (const src of fc.sample(program, n)) {
  const r = run(src, { python: ver });
  if (r.exitCode === 2) { uns++; const k = r.stderr.replace(/\(line \d+\)/, "").trim(); reasons.set(k, (reasons.get(k) ?? 0) + 1); continue; }
  const file = path.join(dir, "p.py");
  fs.writeFileSync(file, src);
  const real = spawnSync(`/root/.pyenv/versions/${FULL[ver]}/bin/python3`, ["-I", "-S", file], { encoding: "utf8" });
  const last = real.stderr.trim().split("\n").pop() ?? "";
  const want = { stdout: real.stdout, stderr: last ? last + "\n" : "", exitCode: real.status };
  if (r.stdout === want.stdout && r.stderr === want.stderr && r.exitCode === want.exitCode) { ok++; continue; }
  bad++;
  fs.writeFileSync(`/tmp/mm-${bad}.py`, src);
  if (bad <= 8) console.log("MISMATCH\n" + src + "\n--- want\n" + JSON.stringify(want) + "\n--- got\n" + JSON.stringify({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }));
}
console.log({ ok, uns, bad }, reasons);
