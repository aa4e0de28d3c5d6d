// The pooled interpreter (pool.ts) must be indistinguishable from a new one: every corpus program,
// run after other programs on the same pooled interpreter, gives the same stdout, stderr, exit
// code and step-by-step trace (object ids, refcounts, generations) as on a new interpreter.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run, type RunOptions, type RunResult } from "./index";
import { dropPooled, pooledInterp, setPooling } from "./pool";
import { VERSIONS } from "./versions";
import type { Interp } from "./interpreter";
import { listPrograms } from "../../test/sim/expectation";

const programs = listPrograms();

/** A fixed shuffle (LCG): each program runs after unrelated ones, in an order that does not change. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function runWith(pooled: boolean, source: string, opts: RunOptions): RunResult {
  setPooling(pooled);
  try { return run(source, opts); } finally { setPooling(true); }
}

describe("pooled interpreter", () => {
  afterEach(() => setPooling(true));

  for (const python of VERSIONS) {
    it(`matches a new interpreter on every corpus program, traced, in a shuffled order (${python})`, () => {
      const order = shuffled(programs, python.charCodeAt(3) * 7919);
      let compared = 0;
      for (const [k, p] of order.entries()) {
        // both modes; the trace (ids, refcounts, generations of every object) on every third program
        const opts: RunOptions = { python, mode: k % 2 ? "repl" : "script", trace: k % 3 === 0 };
        const pooled = runWith(true, p.source, opts);
        const fresh = runWith(false, p.source, opts);
        expect(pooled, `${p.id} ${python} ${opts.mode}`).toEqual(fresh);
        compared++;
      }
      expect(compared).toBe(programs.length);
    });
  }

  it("starts closure state of the built-ins afresh on every run (thread numbering, gc thresholds)", () => {
    const src = "import threading, gc\ndef f():\n    pass\nprint(threading.Thread(target=f).name)\nprint(gc.get_threshold())\ngc.set_threshold(5, 3, 2)\n";
    const first = run(src, { python: "3.12" });
    expect(first.stdout).toBe("Thread-1 (f)\n(700, 10, 10)\n");
    expect(run(src, { python: "3.12" })).toEqual(first);
  });

  it("puts back a start-up global the first run on a new pooled interpreter rebinds", () => {
    // the first run writes into the very dict entries the pool recorded at start-up
    dropPooled();
    expect(run("__name__ = 'x'\nprint(__name__)\n", { python: "3.12" }).stdout).toBe("x\n");
    expect(run("print(__name__)\n", { python: "3.12" }).stdout).toBe("__main__\n");
  });

  it("is whole again after a run stopped midway (step or object budget, deep recursion, refusal, uncaught exception)", () => {
    const next = "import sys, gc\nclass A:\n    pass\na = A()\nb = [a, a]\nprint(sys.getrefcount(a), gc.collect(), id(b) - id(a))\n";
    const stops: [string, RunOptions][] = [
      ["x = []\nwhile True:\n    x.append([x])\n", { maxSteps: 5000 }],
      ["x = []\nwhile True:\n    x.append([1])\n", { maxObjects: 2000 }],
      ["def f(n):\n    return f(n + 1)\nf(0)\n", {}],
      ["import sys\nx = [1]\nprint(sys.getrefcount(x))\nimport os\n", {}],
      ["class A:\n    def __del__(self):\n        print('bye')\na = A()\nraise ValueError('x')\n", {}],
    ];
    const fresh = runWith(false, next, { python: "3.12", trace: true });
    expect(fresh.exitCode).toBe(0);
    for (const [src, opts] of stops) {
      expect(run(src, { python: "3.12", ...opts }).exitCode, src).not.toBe(0);
      expect(runWith(true, next, { python: "3.12", trace: true }), src).toEqual(fresh);
    }
  });

  it("leaves the shared built-in types and functions exactly as start-up made them", () => {
    const fingerprint = (it: Interp) =>
      JSON.stringify([...it.types.values(), ...it.builtins.values()].map((o) => [o.id, o.rc, o.tracked, o.gen, o.freed, o.cleared, o.weakrefs?.length ?? 0, "dict" in o && o.dict instanceof Map ? [...o.dict.keys()] : null]));
    run("pass\n", { python: "3.12" });
    const pooled = pooledInterp("3.12");
    if (!pooled) throw new Error("no pooled 3.12 interpreter after a 3.12 run");
    const before = fingerprint(pooled);
    for (const p of programs) for (const mode of ["script", "repl"] as const) run(p.source, { python: "3.12", mode });
    expect(pooledInterp("3.12")).toBe(pooled);
    expect(fingerprint(pooled)).toBe(before);
    expect(before).toContain('"__init__"'); // the fingerprint sees the type dicts
  });

  it("puts back every closure variable of the built-ins (each `let` in installBuiltins has a reset hook)", () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, "builtins.ts"), "utf8");
    const start = file.indexOf("export function installBuiltins(");
    const src = file.slice(start, file.indexOf("\n}\n", start));
    const lets = [...src.matchAll(/^ {2}let (\w+)/gm)].map((m) => m[1]);
    const hooks = [...src.matchAll(/^ {2}I\.resetHooks\.push\((.*)$/gm)].map((m) => m[1]).join("\n");
    expect(lets.length).toBeGreaterThan(0);
    for (const name of lets) expect(hooks, `installBuiltins' "let ${name}" is not reset in I.resetHooks`).toMatch(new RegExp(`\\b${name}\\s*=`));
    // a Map or Set kept by the built-ins' closures must be emptied too (WeakMaps are keyed by one run's objects)
    const containers = [...src.matchAll(/^ {2}const (\w+)(?::[^=]+)? = new (?:Map|Set)\b/gm)].map((m) => m[1]);
    for (const name of containers) expect(hooks, `installBuiltins' "const ${name} = new Map/Set" is not cleared in I.resetHooks`).toMatch(new RegExp(`\\b${name}\\.clear\\(\\)`));
  });
});
