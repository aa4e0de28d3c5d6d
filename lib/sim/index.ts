// The simulator's public API: run a short Python program as a given CPython version would, in
// script mode (the file is one compilation unit) or REPL mode (each top-level statement is
// compiled and run on its own, echoing values through sys.displayhook). Pure: no Next, React or
// Prisma. run() never throws: learner errors are exit 1, outside-the-subset is exit 2, budget
// exhaustion is exit 3, and a fault of the simulator itself is exit 70 ("internal: ...").

import { parse } from "./parser";
import { PySyntaxError, Unsupported } from "./tokenizer";
import { Interp, PyException, type Frame } from "./interpreter";
import { BudgetExceeded } from "./heap";
import { PROFILES, type PythonVersion } from "./versions";
import { PyInstance, PyStr } from "./objects";
import { acquireInterp, releaseInterp } from "./pool";
import { collect } from "./gc";
import { countUnknown } from "./gc-count";
import { checkContext } from "./compiler";
import type { Stmt } from "./ast";
import type { TraceStep } from "./trace";
import { snapshot } from "./trace";
import { enumerateRace as raceImpl, type RaceResult } from "./race";

export type { PythonVersion } from "./versions";
export type { TraceStep, TraceObject } from "./trace";
export type { RaceResult } from "./race";
export type Mode = "script" | "repl";

export interface RunOptions {
  python?: PythonVersion;
  mode?: Mode;
  trace?: boolean;
  maxSteps?: number;
  maxObjects?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  trace?: TraceStep[];
  /** For exit code 1 from a SyntaxError: CPython's position. */
  syntaxError?: { msg: string; lineno: number; col: number };
}

export const DEFAULT_MAX_STEPS = 1_000_000;
export const DEFAULT_MAX_OBJECTS = 100_000;

function excLine(it: Interp, e: PyException): string {
  const cls = e.exc.cls;
  const name = !cls.builtin && it.prof.version === "3.10" ? `__main__.${cls.name}` : cls.name;
  const msg = it.ops.str(e.exc) + e.exc.suggestion;
  return msg ? `${name}: ${msg}\n` : `${name}\n`;
}

function syntaxLine(e: PySyntaxError): string {
  return `${e.errType}: ${e.msg}\n`;
}

export function run(source: string, options: RunOptions = {}): RunResult {
  const version = options.python ?? "3.12";
  const mode = options.mode ?? "script";
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const prof = PROFILES[version];
  if (!prof) return { stdout: "", stderr: `internal: unknown python version ${String(version)}\n`, exitCode: 70 };
  let it: Interp | null = null;
  try {
    it = acquireInterp({ prof, mode, maxSteps, maxObjects: options.maxObjects ?? DEFAULT_MAX_OBJECTS, trace: !!options.trace, source });
    const frame: Frame = { name: "<module>", kind: "module", globals: it.globals, fast: new Map(), cells: new Map(), classNs: null, scope: null, parent: null, line: 0 };
    it.frames.push(frame);
    if (mode === "script") {
      let body: Stmt[];
      try {
        body = parse(source).body;
        checkContext(body);
      } catch (e) {
        if (e instanceof PySyntaxError) return { stdout: "", stderr: syntaxLine(e), exitCode: 1, syntaxError: { msg: e.msg, lineno: e.lineno, col: e.col } };
        throw e;
      }
      const code = it.compileUnit(body, "<module>");
      // a compile-time SyntaxWarning prints `file:line: SyntaxWarning: msg` and then the source
      // line, stripped and indented by two: that line is stderr's last unless an error follows
      const w = it.lastWarnings[it.lastWarnings.length - 1];
      const warned = w ? `  ${(source.split(/\r?\n/)[w.line - 1] ?? "").trim()}\n` : "";
      try {
        it.runModule(code, frame);
      } catch (e) {
        if (e instanceof PyException) return finish(it, excLine(it, e), 1);
        throw e;
      }
      shutdown(it);
      return finish(it, warned, 0);
    }
    // REPL: one input per top-level statement (see test/sim/README.md for the shared rule)
    let stderr = "";
    for (const chunk of replInputs(source)) {
      countUnknown(it.heap); // the shell compiles each input: code objects, constants, AST
      let body: Stmt[];
      try {
        body = parse(chunk.text).body;
        checkContext(body);
      } catch (e) {
        if (e instanceof PySyntaxError) { stderr = syntaxLine(e); continue; }
        throw e;
      }
      const code = it.compileUnit(body, "<stdin>");
      // compile(text, "<stdin>", "single"): warnings name <stdin> and show no source line
      const w = it.lastWarnings[it.lastWarnings.length - 1];
      if (w) stderr = `<stdin>:${w.line - chunk.line + 1}: SyntaxWarning: ${w.msg}\n`; // the input is padded to keep file line numbers
      try {
        for (const s of code) {
          it.replTop = s;
          const sig = it.exec(s, frame);
          if (sig) it.unsupported("'" + sig.k + "' outside loop or function");
        }
      } catch (e) {
        if (e instanceof PyException) { stderr = excLine(it, e); it.releaseException(e); } else throw e;
      }
      it.releaseUnit(code);
    }
    shutdown(it);
    return finish(it, stderr, 0);
  } catch (e) {
    const out = it?.out ?? "";
    if (e instanceof Unsupported) return { stdout: out, stderr: `unsupported: ${e.what} (line ${e.lineno || it?.line || 0})\n`, exitCode: 2 };
    if (e instanceof BudgetExceeded) return { stdout: out, stderr: `budget: ${e.message} (line ${it?.line ?? 0})\n`, exitCode: 3 };
    // JavaScript's own size limits (a string or array past what V8 allocates) are a memory budget.
    if (e instanceof RangeError && /invalid (string|array) length/i.test(e.message)) return { stdout: out, stderr: `budget: memory limit exceeded (line ${it?.line ?? 0})\n`, exitCode: 3 };
    if (e instanceof RangeError && /call stack/i.test(e.message)) return { stdout: out, stderr: `unsupported: recursion too deep for the simulator (line ${it?.line ?? 0})\n`, exitCode: 2 };
    const msg = e instanceof Error ? e.message : String(e);
    return { stdout: out, stderr: `internal: ${msg}\n`, exitCode: 70 };
  } finally {
    if (it) releaseInterp(it);
  }
}

function finish(it: Interp, stderr: string, exitCode: number): RunResult {
  const r: RunResult = { stdout: it.out, stderr, exitCode };
  if (it.trace) { it.trace.push(snapshot(it, exitCode === 0 ? "end" : "exception")); r.trace = it.trace; }
  return r;
}

/**
 * Interpreter shutdown, modelled only where it is observable (objects with __del__ or weakref
 * callbacks still alive): builtins._ is dropped first, then __main__ leaves sys.modules; its dict
 * dies at once (entries in order) unless functions keep it in a cycle, when the final collection
 * finalizes what is left, oldest first.
 */
function shutdown(it: Interp): void {
  if (!shutdownObservable(it)) return;
  it.line = 0;
  if (it.displayUnderscore) {
    const v = it.displayUnderscore;
    it.displayUnderscore = null;
    it.builtins.delete("_");
    it.decref(v);
  }
  if (!shutdownObservable(it)) return;
  if (it.autoGcUncertain) it.unsupported("finalizers at shutdown after an automatic collection may have run");
  it.frames = [];
  it.decref(it.globals);
  collect(it.heap, 2, 0, true);
  void PyStr;
}

/** Something alive whose end prints or runs code: a weakref callback or a __del__ still to run. */
function shutdownObservable(it: Interp): boolean {
  for (const o of it.heap.live) {
    if (o.weakrefs) for (const r of o.weakrefs) if (r.callback) return true;
    if (o instanceof PyInstance && !o.finalized && !!o.cls.lookup("__del__")) return true;
  }
  return false;
}

/** Split a program into REPL inputs: each top-level statement (with its decorators) is one input. */
export function replInputs(source: string): { text: string; line: number }[] {
  const lines = source.split("\n");
  try {
    const mod = parse(source);
    const spans: [number, number][] = [];
    const body = mod.body;
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      const start = s.type === "FunctionDef" || s.type === "ClassDef" ? Math.min(s.lineno, ...s.decorators.map((d) => d.lineno)) : s.lineno;
      const next = body[i + 1];
      const nextStart = next ? (next.type === "FunctionDef" || next.type === "ClassDef" ? Math.min(next.lineno, ...next.decorators.map((d) => d.lineno)) : next.lineno) : lines.length + 1;
      let end = Math.max(start, nextStart - 1);
      while (end > start && !lines[end - 1].trim()) end--;
      if (spans.length && start <= spans[spans.length - 1][1]) spans[spans.length - 1][1] = Math.max(spans[spans.length - 1][1], end);
      else if (spans.length && start === spans[spans.length - 1][0]) continue;
      else spans.push([start, end]);
    }
    // statements sharing a line are one input
    const merged: [number, number][] = [];
    for (const sp of spans) {
      const last = merged[merged.length - 1];
      if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
      else merged.push([sp[0], sp[1]]);
    }
    return merged.map(([a, b]) => ({ text: "\n".repeat(a - 1) + lines.slice(a - 1, b).join("\n") + "\n", line: a }));
  } catch (e) {
    if (!(e instanceof PySyntaxError || e instanceof Unsupported)) throw e;
    // does not parse: cut at every column-0 line that is not a continuation
    const chunks: { text: string; line: number; lines: string[] }[] = [];
    const cont = ["else", "elif", "except", "finally", ")", "]", "}"];
    lines.forEach((line, i) => {
      const st = line.trim();
      const startsNew = line.length > 0 && line[0] !== " " && line[0] !== "\t" && !st.startsWith("#") && !cont.some((k) => st.startsWith(k));
      if (startsNew || !chunks.length) chunks.push({ text: "", line: i + 1, lines: [line] });
      else chunks[chunks.length - 1].lines.push(line);
    });
    return chunks
      .filter((c) => c.lines.some((l) => l.trim() && !l.trim().startsWith("#")))
      .map((c) => ({ text: "\n".repeat(c.line - 1) + c.lines.join("\n") + "\n", line: c.line }));
  }
}

export function enumerateRace(source: string, options: RunOptions = {}): RaceResult {
  return raceImpl(source, options);
}
