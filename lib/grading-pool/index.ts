// Simulation off the request thread. Every server path that runs Python on the simulator (answer
// keys on the attempt path, lesson checks, instructor previews) goes through these async
// functions, which run the synchronous grading core (lib/grading, lib/sim: unchanged) on a pool of
// worker threads (./pool.ts). A program that loops or allocates without end then costs one worker
// until the wall-clock limit (on top of the simulator's step and object budgets), never the event
// loop that serves everyone else's requests.
//
// API for other server code (e.g. lib/authoring's preview):
//   computeKeyAsync(definition, variant, python, budget?) -> KeyResult (over the limit: not gradable,
//                                                 code "budget"; budget: { maxSteps, maxObjects } as
//                                                 lib/authoring's boundedSimulator applies them)
//   runSimAsync(source, options)                  -> RunResult   (over the limit: exit 3, "budget: ...")
//   gradeCheckAsync(checkId, answer)              -> CheckVerdict (a lesson's inline check)
// The first two throw HttpError "unavailable" (503) when the queue is full: tell the user to retry.
//
// Settings (environment): HEAPWISE_GRADING_WORKERS (default: cores + 1, 3..8),
// HEAPWISE_GRADING_TIME_LIMIT_MS (3000), HEAPWISE_GRADING_DEMOTE_MS (250: a task running longer
// gets the lowest CPU priority, see ./pool.ts), HEAPWISE_GRADING_QUEUE (512 waiting tasks),
// HEAPWISE_GRADING_HEAP_MB (384 per worker).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { KeyResult } from "@/lib/grading/key";
import { HttpError } from "@/lib/http/errors";
import type { CheckVerdict } from "@/lib/lessons/grade";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import type { Variant } from "@/lib/questions/variant";
import type { RunOptions, RunResult } from "@/lib/sim/index";
import { PoolOverloaded, PoolTaskError, WorkerPool, type PoolStats } from "./pool";
import type { GradingTask, SimBudget } from "./tasks";

export { PoolOverloaded, PoolTaskError, type PoolStats } from "./pool";
export type { SimBudget } from "./tasks";

const settingsSchema = z.object({
  HEAPWISE_GRADING_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  HEAPWISE_GRADING_TIME_LIMIT_MS: z.coerce.number().int().min(50).default(3_000),
  HEAPWISE_GRADING_DEMOTE_MS: z.coerce.number().int().min(1).default(250),
  HEAPWISE_GRADING_QUEUE: z.coerce.number().int().min(0).default(512),
  HEAPWISE_GRADING_HEAP_MB: z.coerce.number().int().min(32).default(384),
});

function settings() {
  const env = process.env;
  const s = settingsSchema.parse({
    HEAPWISE_GRADING_WORKERS: env.HEAPWISE_GRADING_WORKERS || undefined,
    HEAPWISE_GRADING_TIME_LIMIT_MS: env.HEAPWISE_GRADING_TIME_LIMIT_MS || undefined,
    HEAPWISE_GRADING_DEMOTE_MS: env.HEAPWISE_GRADING_DEMOTE_MS || undefined,
    HEAPWISE_GRADING_QUEUE: env.HEAPWISE_GRADING_QUEUE || undefined,
    HEAPWISE_GRADING_HEAP_MB: env.HEAPWISE_GRADING_HEAP_MB || undefined,
  });
  // One worker more than cores (at least 3): a worker held by a hostile program until its limit
  // (or two: an endless loop and an allocation bomb at once) still leaves one for everyone else.
  return { ...s, workers: s.HEAPWISE_GRADING_WORKERS ?? Math.min(8, Math.max(3, availableParallelism() + 1)) };
}

/**
 * The worker's files, found from the project root (the working directory of `next start`, tsx
 * scripts and vitest alike). Computed at run time on purpose: a literal `new URL(..., import.meta.url)`
 * would make Next's bundler try to bundle the worker, which must stay plain files on disk.
 */
export function workerFiles(): { entry: string; worker: string } {
  const root = process.env.HEAPWISE_ROOT ?? process.cwd();
  // turbopackIgnore: the worker is not part of the bundle, and tracing a cwd-relative path would
  // pull the whole project into the server's file trace.
  const dir = path.join(/*turbopackIgnore: true*/ root, "lib", "grading-pool");
  const files = { entry: path.join(dir, "worker-entry.mjs"), worker: path.join(dir, "worker.ts") };
  if (!existsSync(/*turbopackIgnore: true*/ files.entry)) throw new Error(`the grading worker is not at ${files.entry}: run the server from the project root (or set HEAPWISE_ROOT)`);
  return files;
}

// One pool per process, on globalThis for the same reason as the Prisma client (lib/db/client.ts):
// Next's dev server re-evaluates modules, and each evaluation must not start more workers.
const holder = globalThis as typeof globalThis & { __heapwiseGradingPool?: WorkerPool };

export function gradingPool(): WorkerPool {
  if (!holder.__heapwiseGradingPool) {
    const s = settings();
    const files = workerFiles();
    holder.__heapwiseGradingPool = new WorkerPool({
      entry: files.entry,
      workerData: { worker: files.worker },
      size: s.workers,
      timeLimitMs: s.HEAPWISE_GRADING_TIME_LIMIT_MS,
      demoteAfterMs: s.HEAPWISE_GRADING_DEMOTE_MS,
      maxQueue: s.HEAPWISE_GRADING_QUEUE,
      resourceLimits: { maxOldGenerationSizeMb: s.HEAPWISE_GRADING_HEAP_MB },
    });
  }
  return holder.__heapwiseGradingPool;
}

/** Counters for /api/health and the tests; null while no pool has been started in this process. */
export function gradingPoolStats(): PoolStats | null {
  return holder.__heapwiseGradingPool?.stats() ?? null;
}

/** Stops the pool (end of a script or test file); the next call starts a new one. */
export async function closeGradingPool(): Promise<void> {
  const pool = holder.__heapwiseGradingPool;
  holder.__heapwiseGradingPool = undefined;
  await pool?.close();
}

export const BUSY_MESSAGE = "The grader is busy right now: try again in a few seconds.";

async function runTask<T>(task: GradingTask, onLimit: (error: PoolTaskError) => T): Promise<T> {
  try {
    return await gradingPool().run<T>(task);
  } catch (error) {
    if (error instanceof PoolOverloaded) throw new HttpError("unavailable", BUSY_MESSAGE);
    if (error instanceof PoolTaskError) return onLimit(error);
    throw error;
  }
}

// The not-gradable results made here for a run the pool stopped (as opposed to the simulator's
// own step and object budgets, which are a property of the program): see isPoolLimit.
const stoppedByPool = new WeakSet<object>();

/** lib/grading's computeKey on a worker. A run over the time or memory limit is not gradable ("budget"). */
export function computeKeyAsync(definition: QuestionDefinition, variant: Variant, python: PythonVersion, budget?: SimBudget): Promise<KeyResult> {
  return runTask<KeyResult>({ kind: "key", definition, variant, python, ...(budget ? { budget } : {}) }, (error) => {
    const result: KeyResult = { ok: false, error: { code: "budget", message: error.message } };
    stoppedByPool.add(result);
    return result;
  });
}

/** Was this key result made because the pool stopped the run (wall clock, memory), not by the simulator? */
export function isPoolLimit(result: KeyResult): boolean {
  return stoppedByPool.has(result);
}

/** lib/sim's run on a worker. Over the limit: exit code 3 (budget), as the simulator's own budgets. */
export function runSimAsync(source: string, options: RunOptions = {}): Promise<RunResult> {
  return runTask<RunResult>({ kind: "run", source, options }, (error) => ({ stdout: "", stderr: `budget: ${error.message}\n`, exitCode: 3 }));
}

/**
 * A lesson's inline check graded on a worker (lib/lessons/grade.ts gradeCheck, unchanged). Never
 * throws for a limit or a full queue: the form shows "not graded, try again" as a verdict.
 */
export async function gradeCheckAsync(checkId: string, answer: unknown): Promise<CheckVerdict> {
  const notGraded = (message: string): CheckVerdict => ({ status: "not-gradable", message });
  try {
    return await runTask<CheckVerdict>({ kind: "lesson-check", checkId, answer }, () => notGraded("This check cannot be graded right now; your answer was not counted."));
  } catch (error) {
    if (error instanceof HttpError && error.code === "unavailable") return notGraded(BUSY_MESSAGE);
    throw error;
  }
}
