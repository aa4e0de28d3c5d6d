// The answer to a submission, shaped by the release rule. Until release, a student learns only
// that the attempt was stored: no correctness, score, right answer or feedback (those are
// computed from the key). The same function shapes the POST answer, its idempotent replays and
// the attempt list, so they cannot disagree.
import { pointsFor } from "@/lib/assessments/scoring";
import { type Feedback, feedbackSchema } from "./schema";

export type AttemptResult = {
  attemptId: string;
  released: boolean;
  correct: boolean | null;
  /** In [0, 1]; partial credit for most kinds. */
  score: number | null;
  /** score × the slot's points. */
  points: number | null;
  maxPoints: number;
  feedback: Feedback | null;
};

export type StoredAttempt = { id: string; correct: boolean; score: number; feedback: unknown };

export function readFeedback(stored: unknown): Feedback {
  const parsed = feedbackSchema.safeParse(stored);
  if (!parsed.success) throw new Error(`stored feedback does not parse: ${parsed.error.message}`);
  return parsed.data;
}

export function attemptResult(row: StoredAttempt, slotPoints: number, released: boolean): AttemptResult {
  if (!released) return { attemptId: row.id, released: false, correct: null, score: null, points: null, maxPoints: slotPoints, feedback: null };
  return {
    attemptId: row.id,
    released: true,
    correct: row.correct,
    score: row.score,
    points: pointsFor(row.score, slotPoints),
    maxPoints: slotPoints,
    feedback: readFeedback(row.feedback),
  };
}
