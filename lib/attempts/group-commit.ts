// Group commit for the submission path (./submit.ts step 6). Each submission's write must commit
// as a unit (lock the variant, insert the attempt). Under load, the submissions that arrive while
// earlier batches are in flight are joined into ONE transaction and ONE round trip, run by the
// batch runner a committer is made with (`createGroupCommit`). Each caller is answered only after
// that transaction committed, so nothing is acknowledged that is not stored.
//
// - Idle server: a submission runs alone at once (no waiting for company).
// - Order: jobs are sorted by their lock key (user, slot) inside a batch, so two batches lock
//   variant rows in the same order and cannot deadlock on them. A runner keeps that order.
// - Failure: a batch of one fails its caller. A larger batch that fails because the database is
//   unavailable fails each caller with that error (503; a client retrying with its idempotency
//   key stores exactly once). Any other failure (a unique violation or deadlock caused by one
//   job) must not cost the others: each job is run again alone and gets its own outcome.
import type pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { script, type SqlText } from "@/lib/db/raw";

/** Runs `jobs` in one transaction and resolves, after its COMMIT, with one result per job, in order. */
export type BatchRunner<J, R> = (jobs: J[]) => Promise<R[]>;

type Job<J, R> = { order: string; job: J; resolve: (result: R) => void; reject: (error: unknown) => void };

/** Batches in flight at once: enough to overlap a batch's round trip with the next one's build-up. */
const MAX_IN_FLIGHT = 2;
/** Jobs per batch: bounds the transaction's size and how long its locks are held. */
const MAX_BATCH = 64;

/** A group committer: `(order, job)` resolves with the job's result once its batch committed. `order`: the job's lock key. */
export function createGroupCommit<J, R>(runBatch: BatchRunner<J, R>): (order: string, job: J) => Promise<R> {
  const queue: Job<J, R>[] = [];
  let inFlight = 0;

  function pump(): void {
    while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  async function runAlone(job: Job<J, R>): Promise<void> {
    try {
      const [result] = await runBatch([job.job]);
      job.resolve(result);
    } catch (error) {
      job.reject(error);
    }
  }

  async function run(batch: Job<J, R>[]): Promise<void> {
    if (batch.length === 1) return runAlone(batch[0]);
    batch.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    let results: R[];
    try {
      results = await runBatch(batch.map((job) => job.job));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        for (const job of batch) job.reject(error);
        return;
      }
      // One job's fault (or a lock conflict) rolled back everyone's: give each its own outcome.
      await Promise.all(batch.map(runAlone));
      return;
    }
    batch.forEach((job, i) => job.resolve(results[i]));
  }

  return (order, job) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ order, job, resolve, reject });
      pump();
    });
}

/**
 * Statements joined into one simple-query script per batch (lib/db/raw.ts script):
 * BEGIN; a1; b1; a2; b2; ...; COMMIT. Resolves with the job's own statements' results.
 */
export const groupCommit = createGroupCommit<SqlText[], pg.QueryResult[]>(async (jobs) => {
  const results = await script(["BEGIN", ...jobs.flat(), "COMMIT"]);
  let at = 1; // results[0] is BEGIN
  return jobs.map((statements) => {
    const own = results.slice(at, at + statements.length);
    at += statements.length;
    return own;
  });
});
