// Group commit for the submission path (./submit.ts step 6). Each submission's write is a few
// statements that must commit together (lock the variant, insert the attempt). Under load, the
// submissions that arrive while earlier batches are in flight are joined into ONE transaction
// and ONE round trip (lib/db/raw.ts script): BEGIN; a1; b1; a2; b2; ...; COMMIT. Each caller is
// answered only after that COMMIT returned, so nothing is acknowledged that is not stored.
//
// - Idle server: a submission runs alone at once (no waiting for company).
// - Order: jobs are sorted by their lock key (user, slot) inside a batch, so two batches lock
//   variant rows in the same order and cannot deadlock on them.
// - Failure: a batch of one fails its caller. A larger batch that fails because the database is
//   unavailable fails each caller with that error (503; a client retrying with its idempotency
//   key stores exactly once). Any other failure (a unique violation or deadlock caused by one
//   job) must not cost the others: each job is run again alone and gets its own outcome.
import type pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { script, type SqlText } from "@/lib/db/raw";

type Job = { order: string; statements: SqlText[]; resolve: (results: pg.QueryResult[]) => void; reject: (error: unknown) => void };

/** Batches in flight at once: enough to overlap a batch's round trip with the next one's build-up. */
const MAX_IN_FLIGHT = 2;
/** Jobs per batch: bounds the transaction's size and how long its locks are held. */
const MAX_BATCH = 64;

const queue: Job[] = [];
let inFlight = 0;

/**
 * Runs `statements` inside a group-committed transaction and resolves with their results (one per
 * statement, in order) once the transaction committed. `order`: the job's lock key.
 */
export function groupCommit(order: string, statements: SqlText[]): Promise<pg.QueryResult[]> {
  return new Promise((resolve, reject) => {
    queue.push({ order, statements, resolve, reject });
    pump();
  });
}

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

async function runAlone(job: Job): Promise<void> {
  try {
    const results = await script(["BEGIN", ...job.statements, "COMMIT"]);
    job.resolve(results.slice(1, 1 + job.statements.length));
  } catch (error) {
    job.reject(error);
  }
}

async function run(batch: Job[]): Promise<void> {
  if (batch.length === 1) return runAlone(batch[0]);
  batch.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  let results: pg.QueryResult[];
  try {
    results = await script(["BEGIN", ...batch.flatMap((job) => job.statements), "COMMIT"]);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      for (const job of batch) job.reject(error);
      return;
    }
    // One job's fault (or a lock conflict) rolled back everyone's: give each its own outcome.
    await Promise.all(batch.map(runAlone));
    return;
  }
  let at = 1; // results[0] is BEGIN
  for (const job of batch) {
    job.resolve(results.slice(at, at + job.statements.length));
    at += job.statements.length;
  }
}
