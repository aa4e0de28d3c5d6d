/**
 * Generates test/sim/expected/** from real CPython: the oracle the simulator is held to.
 *
 *   npx tsx scripts/gen-oracle.ts [--only PATTERN]
 *
 * 3.10–3.13: spawn pyenv's `python3 -I -S` — script mode runs the file itself (what a student
 * sees), REPL mode runs it through scripts/oracle/driver.py. 3.14: the same driver inside
 * Pyodide, loaded once in-process. Every run is done twice; a program whose two runs differ is
 * refused (reported, no expectation written, exit 1). Output is byte-stable, so rerunning on
 * unchanged programs changes nothing. Pyodide differences of its own (threads cannot start,
 * 32-bit object sizes and immortal refcounts, no interpreter shutdown) are detected mechanically and recorded as
 * `pyodideQuirk` on the 3.14 cell, never hand-edited.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  EXPECTED_DIR,
  ROOT,
  lastLine,
  listPrograms,
  type Cell,
  type Expectation,
  type Outcome,
  type Program,
  type RunMode,
} from "../test/sim/expectation";

const PYENV: Record<"3.10" | "3.11" | "3.12" | "3.13", string> = {
  "3.10": "3.10.13",
  "3.11": "3.11.7",
  "3.12": "3.12.1",
  "3.13": "3.13.0",
};
const DRIVER = path.join(ROOT, "scripts", "oracle", "driver.py");
const TIMEOUT_MS = 20_000;
/**
 * A warning's first line carries the host's file path. A compile-time SyntaxWarning in a file
 * is followed by its source line, which is what the recorded last line then is; a warning line
 * that would itself be recorded is accepted only for `<stdin>` (the REPL's inputs) or
 * `<unknown>`, which carry no path. Otherwise the program is refused.
 */
const WARNING = /^.*:\d+: \w*Warning: .*$/;
const hostWarning = (stderr: string) => WARNING.test(lastLine(stderr).trimEnd()) && !/^<(stdin|unknown)>:/.test(lastLine(stderr));

const Args = z.object({ only: z.string().min(1).optional() });

function pythonBin(full: string): string {
  return `/root/.pyenv/versions/${full}/bin/python3`;
}

function spawnPython(bin: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["-I", "-S", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`killed by ${signal} (timeout ${TIMEOUT_MS} ms?)`));
      else if (hostWarning(stderr)) reject(new Error(`ends with a warning naming the host's path: ${lastLine(stderr)}`));
      else resolve({ stdout, stderr: lastLine(stderr), exitCode: code ?? -1 });
    });
  });
}

function same(a: Outcome, b: Outcome): boolean {
  return a.stdout === b.stdout && a.stderr === b.stderr && a.exitCode === b.exitCode;
}

async function twice(run: () => Promise<Outcome>, what: string): Promise<Outcome> {
  const first = await run();
  const second = await run();
  if (!same(first, second)) {
    throw new Error(`nondeterministic ${what}: ${JSON.stringify(first)} vs ${JSON.stringify(second)}`);
  }
  return first;
}

async function pyenvCell(full: string, p: Program): Promise<Cell> {
  const bin = pythonBin(full);
  const script = await twice(() => spawnPython(bin, [p.file]), `${full} script`);
  const repl = await twice(() => spawnPython(bin, [DRIVER, "repl", p.file]), `${full} repl`);
  return { script, repl };
}

/** Pyodide, loaded once; the driver is imported as a module so its own names stay out of __main__. */
interface PyodideRunner {
  version: string;
  pyodideVersion: string;
  run(p: Program, mode: RunMode, getrefcount?: "real" | "identity" | "wide"): { outcome: Outcome; finalizationOutput: boolean };
  pointerSize: number;
}

async function loadRunner(): Promise<PyodideRunner | null> {
  let mod: typeof import("pyodide");
  try {
    mod = await import("pyodide");
  } catch {
    return null;
  }
  const py = await mod.loadPyodide();
  let out = "";
  let err = "";
  const dec = new TextDecoder();
  py.setStdout({ write: (b: Uint8Array) => ((out += dec.decode(b)), b.length) });
  py.setStderr({ write: (b: Uint8Array) => ((err += dec.decode(b)), b.length) });
  py.FS.mkdirTree("/oracle");
  py.FS.writeFile("/oracle/oracle_driver.py", fs.readFileSync(DRIVER, "utf8"));
  py.runPython("import sys; sys.path.insert(0, '/oracle'); import oracle_driver");
  const baseline: unknown = py.runPython("frozenset(sys.modules)");
  py.globals.set("_oracle_baseline", baseline);
  py.runPython("_oracle_main = sys.modules['__main__']");
  const version = String(py.runPython("sys.version.split()[0]"));
  const pointerSize = Number(py.runPython("oracle_driver.pointer_size()"));
  return {
    version,
    pointerSize,
    pyodideVersion: mod.version,
    run(p, mode, getrefcount = "real") {
      py.FS.writeFile("/oracle/prog.py", p.source);
      py.runPython(`oracle_driver.use_getrefcount('${getrefcount}')`);
      out = "";
      err = "";
      let code: number;
      try {
        code = Number(
          py.runPython(`oracle_driver.run_source(open('/oracle/prog.py').read(), '${mode}', '/oracle/prog.py')`),
        );
      } finally {
        py.runPython("oracle_driver.use_getrefcount('real')");
      }
      if (hostWarning(err)) throw new Error(`ends with a warning naming the host's path: ${lastLine(err)}`);
      const outcome: Outcome = { stdout: out, stderr: lastLine(err), exitCode: code };
      const before = out.length + err.length;
      py.runPython("oracle_driver.finalize_main()");
      const finalizationOutput = out.length + err.length > before;
      // Forget modules the program imported so the next program starts as a fresh process would.
      py.runPython(
        "import sys\nfor _k in [k for k in sys.modules if k not in _oracle_baseline]: del sys.modules[_k]\nsys.modules['__main__'] = _oracle_main",
      );
      return { outcome, finalizationOutput };
    },
  };
}

function pyodideCell(r: PyodideRunner, p: Program): Cell {
  const results = (["script", "repl"] as const).map((mode) => {
    const a = r.run(p, mode);
    const b = r.run(p, mode);
    if (!same(a.outcome, b.outcome)) {
      throw new Error(`nondeterministic 3.14 ${mode}: ${JSON.stringify(a.outcome)} vs ${JSON.stringify(b.outcome)}`);
    }
    return a;
  });
  const [script, repl] = results;
  const cell: Cell = { script: script.outcome, repl: repl.outcome };
  const quirks: string[] = [];
  const threadFail = (o: Outcome) => /^RuntimeError: can't (start|create) new thread/.test(o.stderr);
  if (threadFail(script.outcome) || threadFail(repl.outcome) || /can't (start|create) new thread/.test(script.outcome.stdout)) {
    quirks.push("Pyodide has no threads: threading.Thread.start() raises RuntimeError");
  }
  if (r.pointerSize !== 8 && /\b(getsizeof|hash\(|maxsize)/.test(p.source)) {
    quirks.push(`Pyodide is wasm32 (${r.pointerSize}-byte pointers): object sizes and hashes differ from 64-bit CPython`);
  }
  if (r.pointerSize !== 8 && /getrefcount/.test(p.source) && immortalWidthShows(r, p, cell)) {
    quirks.push("Pyodide is wasm32: immortal objects report 7<<28 or 5<<28 where 64-bit CPython 3.14 reports 3<<30");
  }
  if (script.finalizationOutput || repl.finalizationOutput) {
    quirks.push("Pyodide never shuts the interpreter down: output printed while __main__ is torn down is missing");
  }
  if (quirks.length > 0) cell.pyodideQuirk = quirks.join("; ");
  return cell;
}

/**
 * Does the answer depend on the immortal refcount's width? Rerun with sys.getrefcount wrapped:
 * first a control wrapper that must change nothing, then one reporting immortal objects as a
 * 64-bit build does. A difference in the second run is the wasm32 artefact.
 */
function immortalWidthShows(r: PyodideRunner, p: Program, cell: Cell): boolean {
  for (const mode of ["script", "repl"] as const) {
    const control = r.run(p, mode, "identity").outcome;
    if (!same(control, cell[mode])) {
      throw new Error(`3.14 ${mode}: the sys.getrefcount control wrapper changed the answer: ${JSON.stringify(control)}`);
    }
    if (!same(r.run(p, mode, "wide").outcome, cell[mode])) return true;
  }
  return false;
}

function stable(e: Expectation): string {
  // Fixed key order so regeneration is byte-identical.
  const cell = (c: Cell) => ({
    script: { stdout: c.script.stdout, stderr: c.script.stderr, exitCode: c.script.exitCode },
    repl: { stdout: c.repl.stdout, stderr: c.repl.stderr, exitCode: c.repl.exitCode },
    ...(c.pyodideQuirk ? { pyodideQuirk: c.pyodideQuirk } : {}),
  });
  const ordered = {
    "3.10": cell(e["3.10"]),
    "3.11": cell(e["3.11"]),
    "3.12": cell(e["3.12"]),
    "3.13": cell(e["3.13"]),
    "3.14": cell(e["3.14"]),
    expect: e.expect,
    generatedBy: e.generatedBy,
    cpython: e.cpython,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

async function pool<T>(items: T[], width: number, work: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: "string" } }, strict: true });
  const args = Args.parse(values);
  for (const full of Object.values(PYENV)) {
    if (!fs.existsSync(pythonBin(full))) {
      console.error(`gen-oracle: ${pythonBin(full)} is missing; the oracle needs every version`);
      return 2;
    }
  }
  const runner = await loadRunner();
  if (!runner) {
    console.error("gen-oracle: the pyodide package is not installed; the oracle needs 3.14");
    return 2;
  }
  const programs = listPrograms(args.only);
  const cpython = { ...PYENV, "3.14": runner.version, pyodide: runner.pyodideVersion };
  const refused: string[] = [];
  let written = 0;
  // Pyodide is single-threaded and in-process: do it first, serially; then the spawns, 2 at a time.
  const pyo = new Map<string, Cell>();
  for (const p of programs) {
    try {
      pyo.set(p.id, pyodideCell(runner, p));
    } catch (e) {
      refused.push(`${p.id}: ${(e as Error).message}`);
    }
  }
  await pool(programs, 2, async (p) => {
    const c14 = pyo.get(p.id);
    if (!c14) return;
    try {
      const cells = await Promise.all((["3.10", "3.11", "3.12", "3.13"] as const).map((v) => pyenvCell(PYENV[v], p)));
      const e: Expectation = {
        "3.10": cells[0],
        "3.11": cells[1],
        "3.12": cells[2],
        "3.13": cells[3],
        "3.14": c14,
        expect: p.expectUnsupported ? "unsupported" : "supported",
        generatedBy: "scripts/gen-oracle.ts",
        cpython,
      };
      const text = stable(e);
      fs.mkdirSync(path.dirname(p.expectedFile), { recursive: true });
      if (!fs.existsSync(p.expectedFile) || fs.readFileSync(p.expectedFile, "utf8") !== text) {
        fs.writeFileSync(p.expectedFile, text);
        written++;
      }
    } catch (e) {
      refused.push(`${p.id}: ${(e as Error).message}`);
    }
  });
  // Expectations whose program is gone would be tested against nothing: remove them (full runs only).
  let removed = 0;
  if (!args.only && fs.existsSync(EXPECTED_DIR)) {
    const live = new Set(programs.map((p) => p.expectedFile));
    for (const mech of fs.readdirSync(EXPECTED_DIR)) {
      for (const f of fs.readdirSync(path.join(EXPECTED_DIR, mech))) {
        const full = path.join(EXPECTED_DIR, mech, f);
        if (!live.has(full)) {
          fs.rmSync(full);
          removed++;
        }
      }
    }
  }
  const quirky = [...pyo.entries()].filter(([, c]) => c.pyodideQuirk);
  console.log(`gen-oracle: ${programs.length} programs, ${written} expectation files changed, ${removed} removed`);
  for (const [id, c] of quirky) console.log(`  pyodide quirk ${id}: ${c.pyodideQuirk}`);
  for (const r of refused) console.error(`  REFUSED ${r}`);
  return refused.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(70);
  },
);
