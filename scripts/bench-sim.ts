/**
 * npm run bench:sim [-- --only PATTERN] [--reps N]
 *
 * Over the oracle corpus (script mode), per program: the simulator in-process (3.12 profile;
 * warmed, then N runs, median), the same source in Pyodide in-process (CPython 3.14, loaded
 * once; only runPython is timed, stdout captured, fresh globals each run) and a spawn of
 * pyenv's `python3.12 -I -S file` (wall time). Programs marked `# expect: unsupported` and
 * those the simulator refuses (exit 2) are left out of every column, so the three columns time
 * the same programs. Prints a table, then one JSON line (the contract):
 *   {"programs":N,"simMedianMs":..,"pyodideMedianMs":..,"cpythonMedianMs":..,"speedupVsPyodide":..,"speedupVsCpython":..}
 * A column whose runtime is missing here is reported as skipped and is null in the JSON.
 * Every timed simulator run tokenizes, parses, compiles and runs its source from scratch; only
 * start-up state (built-in types and functions, the initial heap) is shared between runs, as
 * lib/sim/pool.ts keeps it for any in-process caller (Pyodide likewise keeps its loaded runtime).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { z } from "zod";
import { run } from "../lib/sim/index";
import { listPrograms, type Program } from "../test/sim/expectation";

const CPYTHON = "/root/.pyenv/versions/3.12.1/bin/python3";

const Args = z.object({
  only: z.string().min(1).optional(),
  reps: z.coerce.number().int().min(1).max(1000).default(5),
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)];
}

function timeIt(reps: number, f: () => void): number {
  f(); // warm: first run pays for JIT and caches
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

type PyodideApi = Awaited<ReturnType<typeof import("pyodide").loadPyodide>>;

async function loadPyodideOnce(): Promise<{ py: PyodideApi; version: string } | null> {
  try {
    const { loadPyodide, version } = await import("pyodide");
    const py = await loadPyodide();
    py.setStdout({ write: (b: Uint8Array) => b.length }); // captured and dropped, as a grader would
    py.setStderr({ write: (b: Uint8Array) => b.length });
    return { py, version };
  } catch {
    return null;
  }
}

function pyodideTime(py: PyodideApi, p: Program, reps: number): number {
  const newDict = py.globals.get("dict") as () => unknown;
  const runOnce = () => {
    const globals = newDict() as { destroy?: () => void; set: (k: string, v: unknown) => void };
    globals.set("__name__", "__main__");
    const t0 = performance.now();
    try {
      py.runPython(p.source, { globals: globals as never });
    } catch {
      // The learner's exception (or no threads in Pyodide): still a timed run.
    }
    const dt = performance.now() - t0;
    globals.destroy?.();
    return dt;
  };
  runOnce();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) ts.push(runOnce());
  return median(ts);
}

function cpythonTime(p: Program, reps: number): number {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    spawnSync(CPYTHON, ["-I", "-S", p.file], { stdio: "ignore" });
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const fmt = (x: number | null) => (x === null ? "skipped" : x < 1 ? x.toFixed(4) : x.toFixed(2));
const round = (x: number | null, d = 4) => (x === null ? null : Number(x.toFixed(d)));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: "string" }, reps: { type: "string" } }, strict: true });
  const args = Args.parse(values);
  const all = listPrograms(args.only).filter((p) => !p.expectUnsupported);
  const programs = all.filter((p) => run(p.source, { python: "3.12", mode: "script" }).exitCode !== 2);

  const sim = programs.map((p) => timeIt(args.reps * 4, () => void run(p.source, { python: "3.12", mode: "script" })));

  const pyo = await loadPyodideOnce();
  const pyodide = pyo ? programs.map((p) => pyodideTime(pyo.py, p, args.reps)) : null;

  const haveCpython = fs.existsSync(CPYTHON);
  const cpython = haveCpython ? programs.map((p) => cpythonTime(p, args.reps)) : null;

  const col = (xs: number[] | null) => (xs && xs.length > 0 ? { med: median(xs), p99: p99(xs) } : null);
  const s = col(sim);
  const y = col(pyodide);
  const c = col(cpython);
  console.log(`bench:sim over ${programs.length} programs (${all.length - programs.length} refused by the simulator and left out)`);
  console.log("  column                                    median ms    p99 ms");
  const row = (name: string, v: { med: number; p99: number } | null) =>
    console.log(`  ${name.padEnd(40)}  ${fmt(v?.med ?? null).padStart(9)}  ${fmt(v?.p99 ?? null).padStart(8)}`);
  row("simulator in-process (3.12 profile)", s);
  row(pyo ? `Pyodide ${pyo.version} in-process (CPython 3.14)` : "Pyodide in-process", y);
  row("spawn python3.12 -I -S", c);
  // wall times: on a shared machine every column slows down with the load, so say what it was
  console.log(`  load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} cores (wall-clock times)`);
  if (!pyo) console.log("  Pyodide column skipped: the pyodide package is not installed");
  if (!haveCpython) console.log(`  CPython column skipped: ${CPYTHON} not found`);
  const ratio = (a: { med: number } | null) => (a && s && s.med > 0 ? a.med / s.med : null);
  const line = {
    programs: programs.length,
    simMedianMs: round(s?.med ?? null),
    pyodideMedianMs: round(y?.med ?? null),
    cpythonMedianMs: round(c?.med ?? null),
    speedupVsPyodide: round(ratio(y), 1),
    speedupVsCpython: round(ratio(c), 1),
  };
  console.log(JSON.stringify(line));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(70);
  },
);
