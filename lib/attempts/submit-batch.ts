// The write of a batch of submissions as ONE statement with ONE parameter (the extended protocol),
// group-committed (./group-commit.ts): every job of the batch is a row of a JSON array, and
// heapwise_submit_attempt (prisma/migrations) runs once per row, in the batch's lock order. A
// single statement is its own transaction (committed before the server answers), so the batch
// still commits or fails as a unit, and each caller is answered after that COMMIT.
// Why not `BEGIN; SELECT heapwise_submit_attempt(<24 literals>); ...; COMMIT` as a simple-query
// script: PostgreSQL parsed and planned every job's top-level call (17-20% of its CPU in
// bench:load), and the app escaped each job's answer and feedback JSON into SQL text. Here the
// statement text never changes and the values travel as one JSON document.
// The function is VOLATILE, so each statement inside it takes a fresh snapshot (READ COMMITTED)
// exactly as the script's separate statements did: a call sees what an earlier call in the batch
// wrote and what a twin committed while it waited for a lock.
import { query } from "@/lib/db/raw";
import { createGroupCommit } from "./group-commit";

/** One call of heapwise_submit_attempt; timestamps as ISO strings (read as `timestamp`, the zone ignored as before). */
export type SubmitCall = {
  usr: string;
  assessment: string;
  slot: string;
  question: string;
  new_variant: string | null;
  version: string;
  seed: number;
  python: string;
  issued_at: string;
  attempt_number: number;
  id: string;
  answer: unknown;
  correct: boolean;
  score: number;
  points: number;
  feedback: unknown;
  misconception: string | null;
  key: string;
  at: string;
  max_attempts: number | null;
  course: string | null;
  sitting: string | null;
  deadline: string | null;
  finished: string | null;
};

// `n` is the job's place in the batch: the calls run, and are answered, in that order.
const STATEMENT = `SELECT heapwise_submit_attempt(j.usr, j.assessment, j.slot, j.question,
    j.new_variant, j.version, j.seed, j.python, j.issued_at, j.attempt_number,
    j.id, j.answer, j.correct, j.score, j.points, j.feedback,
    j.misconception, j.key, j.at, j.max_attempts,
    j.course, j.sitting, j.deadline, j.finished) AS outcome
  FROM jsonb_to_recordset($1::jsonb) AS j(n int, usr text, assessment text, slot text, question text,
    new_variant text, version text, seed int, python text, issued_at timestamp, attempt_number int,
    id text, answer jsonb, correct boolean, score float8, points float8, feedback jsonb,
    misconception text, key text, at timestamp, max_attempts int,
    course text, sitting text, deadline timestamp, finished timestamp)
  ORDER BY j.n`;

async function runCalls(calls: SubmitCall[]): Promise<unknown[]> {
  const rows = await query<{ outcome: unknown }>({ text: STATEMENT, values: [JSON.stringify(calls.map((call, n) => ({ n, ...call })))] });
  if (rows.length !== calls.length) throw new Error(`heapwise_submit_attempt answered ${rows.length} of ${calls.length} calls`);
  return rows.map((row) => row.outcome);
}

/** Resolves with the function's outcome (json) once the batch it joined committed. `order`: the lock key. */
export const submitCall = createGroupCommit<SubmitCall, unknown>(runCalls);
