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
  /** null when the simulator does not model it (immortal or start-up dependent objects). */
  refcount: number | null;
  refs?: readonly unknown[];
  /** Alive but reachable from no frame (garbage awaiting the collector); see lib/sim/trace.ts. */
  unreachable?: true;
}
/**
 * One executed statement, recorded just BEFORE it runs (lib/sim/trace.ts); the last step is the
 * end of the program. `freed`: objects freed since the previous step; `stdout`: everything
 * printed so far; `objects`: those reachable from the frames, then the garbage the collector
 * would find now (flagged `unreachable`, their ids also in `unreachable`).
 */
export interface TraceStep {
  line: number;
  frames: readonly TraceFrame[];
  objects: readonly TraceObject[];
  freed: readonly number[];
  /** Absent from traces made before the simulator listed garbage. */
  unreachable?: readonly number[];
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
  /** One schedule (thread steps in order) per final value. */
  schedules?: readonly { value: number; steps: readonly string[] }[];
  /** Set when the program is not a race the simulator models (finalValues is then empty). */
  error?: string;
}
export interface Simulator {
  run(source: string, options?: SimRunOptions): SimRunResult;
  enumerateRace?(source: string, options?: SimRunOptions): SimRace;
}

/** Exit codes of run(), as documented in lib/sim/index.ts. */
export const EXIT = { ok: 0, exception: 1, unsupported: 2, budget: 3, internal: 70 } as const;
