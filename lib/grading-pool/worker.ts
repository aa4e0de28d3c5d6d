// Runs inside a grading worker thread (loaded by ./worker-entry.mjs): the synchronous grading core
// (lib/grading, lib/sim, lib/lessons' check grading) behind a message port. One task at a time;
// the pool (./pool.ts) owns time limits and replacement. Pure of Next and Prisma.
import { readlinkSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { computeKey, computeKeyWith } from "@/lib/grading";
import { lessonSimulator } from "@/lib/lessons/engine";
import { gradeCheck } from "@/lib/lessons/grade";
import { enumerateRace, run } from "@/lib/sim/index";
import type { GradingTask, SimBudget } from "./tasks";

/** The simulator under a budget: every run and race enumeration gets it. */
function bounded(budget: SimBudget) {
  return {
    run: (source: string, options = {}) => run(source, { ...options, ...budget }),
    enumerateRace: (source: string, options = {}) => enumerateRace(source, { ...options, ...budget }),
  };
}

function perform(task: GradingTask): unknown {
  switch (task.kind) {
    case "key":
      return task.budget ? computeKeyWith(bounded(task.budget), task.definition, task.variant, task.python) : computeKey(task.definition, task.variant, task.python);
    case "run":
      return run(task.source, task.options);
    case "lesson-check":
      return gradeCheck(lessonSimulator, task.checkId, task.answer);
    default: {
      const never: never = task;
      throw new Error(`unknown grading task ${JSON.stringify(never)}`);
    }
  }
}

const port = parentPort;
if (!port) throw new Error("lib/grading-pool/worker.ts runs only as a worker thread");
port.on("message", ({ id, payload }: { id: number; payload: GradingTask }) => {
  try {
    port.postMessage({ id, ok: true, value: perform(payload) });
  } catch (error) {
    port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
// Warm-up before taking work: the first runs of a fresh isolate compile the simulator lazily
// (~30 ms for a key that later takes 1 ms), which is better spent here than in a request.
for (const python of ["3.12", "3.13", "3.11", "3.10"] as const) {
  for (let i = 0; i < 3; i++) run("a = [1, 2]\nb = a\nb.append(3)\ndel a\nprint(b, len(b))\n", { python, trace: true });
}

/** This thread's Linux thread id (for the pool's demotion of long tasks), or null elsewhere. */
function threadId(): number | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

port.postMessage({ ready: true, tid: threadId() });
