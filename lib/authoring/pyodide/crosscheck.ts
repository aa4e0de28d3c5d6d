// The cross-check of a variant's key against real CPython 3.14: the simulator's 3.14 run and
// Pyodide's, compared line by line. The simulator models 64-bit CPython 3.14; Pyodide is its
// wasm32 build, so a few differences are the platform's, not the key's: the refcount immortal
// objects report, sys.getsizeof, id() and hash() values, and threads (Pyodide has none). Each
// disagreeing line says which of those explains it, when one does.
import { computeKeyWith, keyFromRun } from "@/lib/grading/key";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant } from "@/lib/questions/variant";
import { boundedSimulator, describeAnswer } from "../simulate";
import { pyodide, PyodideTimeout, PyodideUnavailable, type PyodideRun } from "./service";


export interface CrossLine {
  n: number;
  simulator: string | null;
  pyodide: string | null;
  agree: boolean;
  /** Why they may differ without the key being wrong for 64-bit CPython. */
  note: string | null;
}

export type CrossCheck =
  | {
      ok: true;
      seed: number;
      pythonVersion: string;
      pyodideVersion: string;
      pointerSize: number;
      lines: CrossLine[];
      simulatorExit: number;
      pyodideExit: number;
      pyodideError: string | null;
      /** For stdout-based keys: the key read from each run. */
      key: { simulator: string | null; pyodide: string | null; agree: boolean } | null;
      agree: boolean;
    }
  | { ok: false; seed: number; error: string };

// 64-bit immortal refcounts (3.12/3.13: 2**32 - 1; 3.14: 3 << 30) and wasm32's.
const IMMORTAL = /\b(4294967295|3221225472|1879048192|1073741823)\b/;
const PLATFORM_CALLS = /\b(getsizeof|id|hash)\s*\(|\bmaxsize\b/;

function lines(text: string): string[] {
  const out = text.replace(/\r\n/g, "\n").split("\n");
  if (out.at(-1) === "") out.pop();
  return out;
}

/** Line-by-line agreement of two outputs, with the platform explanation where one applies. */
export function compareOutputs(code: string, simulator: string, pyodideOut: string, pointerSize: number): CrossLine[] {
  const a = lines(simulator);
  const b = lines(pyodideOut);
  const out: CrossLine[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const s = a[i] ?? null;
    const p = b[i] ?? null;
    const agree = s === p;
    let note: string | null = null;
    if (!agree && pointerSize !== 8) {
      if (IMMORTAL.test(s ?? "") || IMMORTAL.test(p ?? "")) note = `Pyodide is wasm32: immortal objects report a different refcount than 64-bit CPython 3.14 (the simulator models 64-bit)`;
      else if (PLATFORM_CALLS.test(code)) note = `Pyodide is wasm32 (${pointerSize}-byte pointers): object sizes, id() and hash() differ from 64-bit CPython 3.14`;
    }
    out.push({ n: i + 1, simulator: s, pyodide: p, agree, note });
  }
  return out;
}

export async function crossCheck(definition: QuestionDefinition, seed: number, timeoutMs = 10_000): Promise<CrossCheck> {
  const d: QuestionDefinition = { ...definition, misconceptions: [], pythonVersions: undefined };
  if (d.code.trim() === "") return { ok: false, seed, error: "A concept question has no code to run." };
  const variant = makeVariant(d, seed);
  const sim = boundedSimulator.run(variant.code, { python: "3.14", mode: d.mode });
  let real: PyodideRun;
  let info;
  try {
    info = await pyodide().info();
    real = await pyodide().run(variant.code, d.mode, timeoutMs);
  } catch (error) {
    if (error instanceof PyodideUnavailable || error instanceof PyodideTimeout) return { ok: false, seed, error: error.message };
    throw error;
  }
  const compared = compareOutputs(variant.code, sim.stdout, real.stdout, info.pointerSize);
  let key: { simulator: string | null; pyodide: string | null; agree: boolean } | null = null;
  const kind = d.answer.kind;
  if (kind === "integer" || kind === "boolean" || kind === "output") {
    const simKey = computeKeyWith(boundedSimulator, d, variant, "3.14");
    const realKey = keyFromRun(d, { ...real, stderr: real.stderr.trim().split("\n").at(-1) ?? "" });
    const s = simKey.ok ? describeAnswer(simKey.key.answer) : null;
    const p = "answer" in realKey ? describeAnswer(realKey.answer) : null;
    key = { simulator: s, pyodide: p, agree: s !== null && s === p };
  }
  const threadNote = /can't (start|create) new thread/.test(real.stderr) ? "Pyodide has no threads: threading.Thread.start() raises RuntimeError" : null;
  return {
    ok: true,
    seed,
    pythonVersion: info.version,
    pyodideVersion: info.pyodideVersion,
    pointerSize: info.pointerSize,
    lines: compared,
    simulatorExit: sim.exitCode,
    pyodideExit: real.exitCode,
    pyodideError: threadNote ?? (real.exitCode !== 0 ? real.stderr.trim().split("\n").at(-1) ?? null : null),
    key,
    agree: compared.every((l) => l.agree) && sim.exitCode === real.exitCode && (key?.agree ?? true),
  };
}
