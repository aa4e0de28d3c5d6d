// The part of the simulator's API (lib/sim/index.ts) that grading uses, written structurally so
// grading can also be driven by real CPython in tests (test/questions/cpython.ts): the same key
// code then checks the bank against the real interpreter.
import type { PythonVersion } from "@/lib/questions/mechanisms";

export interface TraceLocal {
  name: string;
  objectId: number;
}
export interface TraceFrame {
  name: string;
  locals: readonly TraceLocal[];
}
export interface TraceObject {
  id: number;
  type: string;
  preview: string;
  refcount: number;
  refs?: readonly unknown[];
}
/** One executed line: the state recorded after it ran. */
export interface TraceStep {
  line: number;
  frames: readonly TraceFrame[];
  objects: readonly TraceObject[];
  freed: readonly number[];
  stdout: string;
}

export interface SimRunOptions {
  python?: PythonVersion;
  mode?: "script" | "repl";
  trace?: boolean;
  maxSteps?: number;
  maxObjects?: number;
}
export interface SimRunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  trace?: readonly TraceStep[];
}
export interface SimRace {
  finalValues: readonly number[];
}
export interface Simulator {
  run(source: string, options?: SimRunOptions): SimRunResult;
  enumerateRace?(source: string, options?: SimRunOptions): SimRace;
}

/** Exit codes of run(), as documented in lib/sim/index.ts. */
export const EXIT = { ok: 0, exception: 1, unsupported: 2, budget: 3, internal: 70 } as const;
