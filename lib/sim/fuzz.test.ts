// Property and fuzz tests: random programs from a small grammar of the subset, and random
// mutations of well-formed programs, must never make the simulator fail internally (exit 70)
// and must always end within the step budget. Where CPython 3.12 is installed, random
// reference-counting programs are also run on it and must agree unless the simulator refuses.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run, type PythonVersion } from "./index";

const VARS = ["a", "b", "c", "d"];
const v = fc.constantFrom(...VARS);
const stmt = fc.oneof(
  fc.tuple(v).map(([x]) => `${x} = []`),
  fc.tuple(v).map(([x]) => `${x} = {}`),
  fc.tuple(v, v).map(([x, y]) => `${x} = [${y}, ${y}]`),
  fc.tuple(v, v).map(([x, y]) => `${x} = ${y}`),
  fc.tuple(v, v).map(([x, y]) => `${x}.append(${y})`),
  fc.tuple(v, v).map(([x, y]) => `${x} = (${y}, 1000)`),
  fc.tuple(v, fc.integer({ min: -10, max: 3000 })).map(([x, n]) => `${x} = ${n}`),
  fc.tuple(v, fc.integer({ min: 0, max: 30 })).map(([x, n]) => `${x} = "k" + str(${n})`),
  fc.tuple(v).map(([x]) => `del ${x}`),
  fc.tuple(v).map(([x]) => `print(sys.getrefcount(${x}))`),
  fc.tuple(v, v).map(([x, y]) => `print(${x} is ${y}, ${x} == ${y})`),
  fc.tuple(v).map(([x]) => `print(len(${x}))`),
  fc.constant("print(gc.collect())"),
  fc.tuple(v, v).map(([x, y]) => `${x}[0] = ${y}`),
  fc.tuple(v).map(([x]) => `${x}.pop()`),
);
const program = fc.array(stmt, { minLength: 1, maxLength: 14 }).map((ss) => "import sys, gc\n" + ss.map((s) => `try:\n    ${s}\nexcept Exception as e:\n    print(type(e).__name__)`).join("\n") + "\n");
const version = fc.constantFrom<PythonVersion>("3.10", "3.11", "3.12", "3.13", "3.14");

describe("fuzz", () => {
  it("random programs never fail internally and stay within the budget", () => {
    fc.assert(
      fc.property(program, version, fc.constantFrom<"script" | "repl">("script", "repl"), (src, py, mode) => {
        const r = run(src, { python: py, mode, maxSteps: 20_000 });
        expect(r.exitCode, r.stderr).not.toBe(70);
        expect([0, 1, 2, 3]).toContain(r.exitCode);
      }),
      { numRuns: 300 },
    );
  });

  it("mutated programs (characters dropped, duplicated or swapped) never fail internally", () => {
    const base = `import sys, gc, weakref, copy
class Node:
    __slots__ = ("v", "nxt", "__weakref__") if False else None
    def __init__(self, v):
        self.v = v
        self.nxt = None
def build(n):
    head = None
    for i in range(n):
        x = Node(i)
        x.nxt = head
        head = x
    return head
h = build(5)
r = weakref.ref(h)
print(sys.getrefcount(h), r() is h, copy.deepcopy([1, [2]]))
while h:
    h = h.nxt
print(gc.collect(), r(), f"{3.5:>6.2f}", {1: 2}, [i * i for i in range(4)])
`;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), fc.constantFrom("drop", "dup", "swap", "insert")), { minLength: 1, maxLength: 4 }), fc.constantFrom(..."():[]{}=+-*,.\n ab1'\"#"), version, (edits, ch, py) => {
        let s = base;
        for (const [i, kind] of edits) {
          const k = Math.min(i, s.length - 1);
          if (kind === "drop") s = s.slice(0, k) + s.slice(k + 1);
          else if (kind === "dup") s = s.slice(0, k) + s[k] + s.slice(k);
          else if (kind === "swap" && k + 1 < s.length) s = s.slice(0, k) + s[k + 1] + s[k] + s.slice(k + 2);
          else s = s.slice(0, k) + ch + s.slice(k);
        }
        const r = run(s, { python: py, maxSteps: 20_000 });
        expect(r.exitCode, `${r.stderr}\n${s}`).not.toBe(70);
      }),
      { numRuns: 400 },
    );
  });

  it("endless and huge programs stop at the budget with a clear error", () => {
    const loop = run("while True:\n    pass\n", { maxSteps: 5_000 });
    expect(loop.exitCode).toBe(3);
    expect(loop.stderr).toMatch(/^budget: step limit of 5000 exceeded \(line \d\)\n$/);
    const grow = run("import gc\ngc.disable()\nl = []\nwhile True:\n    l.append([])\n", { maxObjects: 2_000 });
    expect(grow.exitCode).toBe(3);
    expect(grow.stderr).toMatch(/^budget: object limit of 2000 exceeded/);
    const recurse = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    expect([1, 2]).toContain(recurse.exitCode);
  });

  const py312 = "/root/.pyenv/versions/3.12.1/bin/python3";
  const hasPython = fs.existsSync(py312);
  it.skipIf(!hasPython)("agrees with real CPython 3.12 on random reference-counting programs (skipped without it)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simfuzz-"));
    let compared = 0;
    fc.assert(
      fc.property(program, (src) => {
        const r = run(src, { python: "3.12" });
        if (r.exitCode === 2) return;
        const file = path.join(dir, "p.py");
        fs.writeFileSync(file, src);
        const real = spawnSync(py312, ["-I", "-S", file], { encoding: "utf8" });
        const last = real.stderr.trim().split("\n").pop() ?? "";
        expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }, src).toEqual({ stdout: real.stdout, stderr: last ? last + "\n" : "", exitCode: real.status });
        compared++;
      }),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
