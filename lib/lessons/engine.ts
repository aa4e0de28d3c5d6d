// The one place the lessons touch the simulator (lib/sim): traces for the memory visualizer, and
// the Simulator that lib/grading needs to compute the keys of inline checks.
import { run } from "@/lib/sim";
import type { Simulator } from "@/lib/grading/simulator";
import { PYTHON_VERSIONS, type PythonVersion } from "@/lib/questions/mechanisms";
import { type StepperRun, toStepperRun } from "./trace";

// Lesson programs are a few lines; a tight budget keeps a typo in a lesson from stalling a render.
const BUDGET = { maxSteps: 200_000, maxObjects: 20_000 } as const;

export function traceRun(code: string, python: PythonVersion, mode: "script" | "repl"): StepperRun {
  try {
    return toStepperRun(python, run(code, { python, mode, trace: true, ...BUDGET }));
  } catch {
    // run() promises never to throw; if it does anyway, the page still renders.
    return { python, ok: false, error: "The simulator failed on this program." };
  }
}

// The simulator is deterministic and lesson programs are a fixed set, so each program's traces
// are computed once per server process (measured here: 18-32 ms per program for five versions;
// under 0.1 ms when remembered). Bounded in case the set of programs ever grows.
const remembered = new Map<string, StepperRun[]>();
const REMEMBER_AT_MOST = 256;

/** The trace under every version, so the version selector switches without a round trip. */
export function traceAllVersions(code: string, mode: "script" | "repl"): StepperRun[] {
  const key = `${mode}\u0000${code}`;
  const hit = remembered.get(key);
  if (hit) return hit;
  const runs = PYTHON_VERSIONS.map((v) => traceRun(code, v, mode));
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(key, runs);
  return runs;
}

/**
 * The simulator as grading sees it. Lesson checks show the grading summary, not the key moment,
 * so the trace is not requested (the simulator's trace allows a null refcount for immortal
 * objects, which grading's moment type does not model).
 */
export const lessonSimulator: Simulator = {
  run(source, options = {}) {
    const r = run(source, { python: options.python, mode: options.mode, ...BUDGET });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  },
};
