// The one submission path (API route and the question page's server action both call it):
//   0. rate limit   per user (./rate-limit.ts), before any database work;
//   1. authorize    enrolled STUDENT, assessment published, the question in the caller's slots;
//   2. idempotency  a key already stored returns the stored result: the same answer as the first
//                   time. This comes before the clock and limit checks, so a client retrying an
//                   accepted submission after a 503 or a lost response is never told "time is up"
//                   or "no attempts left" about an attempt that was in fact stored;
//   3. may answer   open, quiz sitting running (server clock), attempt limit not reached;
//   4. validate     the answer against its kind's zod schema: a malformed answer is a 400 and
//                   costs no attempt;
//   5. grade        key from (pinned version, seed, Python) via the simulator, cached;
//   6. insert       one transaction: lock the variant row, re-check the key and the limit, insert.
//                   Concurrent identical requests queue on the lock; the first inserts, the rest
//                   find its row. The unique (userId, idempotencyKey) index is the backstop.
//   7. answer       shaped by the release rule (./results.ts).
// A database that goes away at any step surfaces as `unavailable` (503) through lib/http, and the
// single transaction means nothing is half-written.
import type { Caller } from "@/lib/auth/caller";
import { assertAnswerable, loadStudentAssessment, slotOf } from "@/lib/assessments/access";
import { isReleased } from "@/lib/assessments/release";
import { pointsFor } from "@/lib/assessments/scoring";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { grade, parseAnswer } from "@/lib/grading";
import { conflict, HttpError } from "@/lib/http/errors";
import { definitionOf, keyFor, variantOf } from "./keys";
import { limitSubmissions } from "./rate-limit";
import { attemptResult, type AttemptResult } from "./results";
import type { Feedback, SubmitAttemptInput } from "./schema";
import { getSimulator } from "./simulator";
import { currentVariantRow, pythonOf } from "./variants";

const MAX_TIME_TAKEN_MS = 2 ** 31 - 1;
const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

/** The result plus whether this call stored it (false: an idempotent replay). */
export type Submission = AttemptResult & { replayed: boolean };

export async function submitAttempt(caller: Caller, input: SubmitAttemptInput, now = new Date()): Promise<Submission> {
  limitSubmissions(caller.id, new Date());
  const db = getPrisma();
  const loaded = await loadStudentAssessment(caller, input.assessmentId, now);
  const slot = slotOf(loaded, input.questionId);
  const released = () => isReleased(loaded.assessment, loaded.sitting, now);

  const replay = async (): Promise<Submission | null> => {
    const stored = await db.attempt.findUnique({ where: { userId_idempotencyKey: { userId: caller.id, idempotencyKey: input.idempotencyKey } } });
    if (!stored) return null;
    if (stored.assessmentQuestionId !== slot.id) throw conflict("This idempotencyKey was already used for another question: use a new key for each submission.");
    return { ...attemptResult(stored, slot.points, released()), replayed: true };
  };
  const first = await replay();
  if (first) return first;

  assertAnswerable(loaded, now);
  const max = loaded.assessment.maxAttempts;
  // The limit is checked inside the transaction, after the key: a concurrent twin of this request
  // may commit between here and there, and must be answered as a replay, not as "no attempts left".
  const row = await currentVariantRow(caller.id, loaded, slot);

  const definition = definitionOf(row.questionVersion);
  const variant = variantOf(definition, row.seed);
  const parsed = parseAnswer(definition, variant, input.answer);
  if (!parsed.ok) throw new HttpError("invalid", `The answer is not valid: ${parsed.errors.join("; ")}`, parsed.errors.map((message) => ({ path: "answer", message })));

  const python = pythonOf({ pythonVersion: row.pythonVersion });
  const key = keyFor(getSimulator(), row.questionVersionId, definition, variant, python);
  if (!key.ok) {
    // A template the simulator cannot grade must never produce a score; the bank tests exist to
    // catch this before a student does. The detail goes to the log, not to the client.
    console.error(`[heapwise] not gradable: version ${row.questionVersionId} seed ${row.seed} python ${python}: ${key.error.code} ${key.error.message}`);
    throw new HttpError("internal", "This question cannot be graded right now.");
  }
  const graded = grade(definition, variant, parsed.answer, key.key);
  const feedback: Feedback = {
    summary: graded.feedback.summary,
    expected: graded.expected,
    ...(graded.misconception ? { misconception: graded.misconception } : {}),
    ...(graded.feedback.keyMoment ? { keyMoment: graded.feedback.keyMoment } : {}),
  };

  try {
    const stored = await db.$transaction(async (tx) => {
      // Row lock on the variant: serialises submissions for this student's attempt at this slot.
      await tx.$queryRaw`SELECT id FROM "Variant" WHERE id = ${row.id} FOR UPDATE`;
      const existing = await tx.attempt.findUnique({ where: { userId_idempotencyKey: { userId: caller.id, idempotencyKey: input.idempotencyKey } } });
      if (existing) return { row: existing, replayed: true };
      const used = await tx.attempt.count({ where: { userId: caller.id, assessmentQuestionId: slot.id } });
      if (max !== null && used >= max) throw conflict(`No attempts left: this question allows ${max}.`);
      if (used + 1 !== row.attemptNumber) throw conflict("Another submission for this question was stored first. Reload the question and answer again.");
      const created = await tx.attempt.create({
        data: {
          userId: caller.id,
          assessmentId: loaded.assessment.id,
          assessmentQuestionId: slot.id,
          questionId: slot.questionId,
          questionVersionId: row.questionVersionId,
          variantId: row.id,
          seed: row.seed,
          pythonVersion: row.pythonVersion,
          answer: JSON.parse(JSON.stringify(parsed.answer)),
          correct: graded.correct,
          score: graded.score,
          points: pointsFor(graded.score, slot.points),
          feedback: JSON.parse(JSON.stringify(feedback)),
          misconception: graded.misconception?.id ?? null,
          timeTakenMs: Math.min(MAX_TIME_TAKEN_MS, Math.max(0, now.getTime() - row.issuedAt.getTime())),
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
          gradedAt: now,
        },
      });
      return { row: created, replayed: false };
      // Prisma's default 2 s wait for a connection is shorter than a burst of submissions can
      // queue for a pool of 10 (or the embedded database's 1); the work itself is milliseconds.
    }, TX_OPTIONS);
    return { ...attemptResult(stored.row, slot.points, released()), replayed: stored.replayed };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const again = await replay();
    if (again) return again;
    throw error;
  }
}
