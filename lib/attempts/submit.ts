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
//   5. grade        key from (pinned version, seed, Python), cached, simulated on the grading
//                   pool (lib/grading-pool) so a hostile program never blocks this thread;
//   6. insert       one transaction: create the variant row if this is its first sight, lock it,
//                   then re-check the key and the limit and insert (all in the database function
//                   heapwise_submit_attempt). Concurrent identical requests queue on the lock;
//                   the first inserts, the rest find its row. The unique (userId, idempotencyKey)
//                   index is the backstop.
//   7. answer       shaped by the release rule (./results.ts).
// A database that goes away at any step surfaces as `unavailable` (503) through lib/http, and the
// single transaction means nothing is half-written.
//
// Speed (npm run bench:load): the assessment's shared facts come from a 2 s cache
// (./assessment-cache.ts); the caller's own state (enrolment, sitting, stored key, attempts used,
// current variant) is one SQL round trip, skipped when this process stored the caller's last
// attempt at the slot (./known-state.ts: the transaction re-checks what the read would have told,
// and a stale answer costs one retry with a fresh read); the transaction is another (BEGIN, one call per
// submission, COMMIT sent together), which also writes a new variant row, and is group-committed
// with the submissions arriving meanwhile (./group-commit.ts). Both go to the pool directly
// (lib/db/raw.ts), not through the ORM, and both are PL/pgSQL functions (heapwise_slot_state,
// heapwise_submit_attempt), so PostgreSQL plans their statements once per connection rather than
// per submission. Attempts used is the largest Attempt.attemptNumber at the slot: one index probe,
// where a count grew with every attempt.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { assertAnswerable, type StudentAssessment } from "@/lib/assessments/access";
import { assignedSlots } from "@/lib/assessments/pools";
import { isReleased } from "@/lib/assessments/release";
import { pointsFor } from "@/lib/assessments/scoring";
import { isUniqueViolation } from "@/lib/db/errors";
import { grade, parseAnswer } from "@/lib/grading";
import { conflict, forbidden, HttpError, notFound } from "@/lib/http/errors";
import { assessmentShape } from "./assessment-cache";
import { forgetState, knownState, rememberState } from "./known-state";
import { definitionOf, keyForAsync, variantOf } from "./keys";
import { limitSubmissions } from "./rate-limit";
import { submitCall } from "./submit-batch";
import { attemptResult, type AttemptResult, type StoredAttempt } from "./results";
import type { Feedback, SubmitAttemptInput } from "./schema";
import { callerSlotState, plannedVariant, versionDefinition, type VariantRow } from "./state";
import { pythonOf } from "./variants";

/** The result plus whether this call stored it (false: an idempotent replay). */
export type Submission = AttemptResult & { replayed: boolean };

const storedSchema = z.object({ id: z.string(), correct: z.boolean(), score: z.number(), feedback: z.unknown() });
const outcomeSchema = z.union([
  z.object({ stale: z.literal(true) }),
  z.object({
    existing: storedSchema.extend({ assessmentQuestionId: z.string().nullable() }).nullable(),
    inserted: storedSchema.nullable(),
    used: z.number().int(),
    same: z.boolean().nullable(),
  }),
]);

export async function submitAttempt(caller: Caller, input: SubmitAttemptInput, now = new Date()): Promise<Submission> {
  limitSubmissions(caller.id, new Date());
  // First trusting what this process knows of the caller's state (./known-state.ts); if the
  // database says that was stale, once more after reading it.
  const trusted = await submitOnce(caller, input, now, true);
  if (trusted) return trusted;
  const read = await submitOnce(caller, input, now, false);
  if (!read) throw new Error("unreachable: a submission after a fresh state read cannot be stale");
  return read;
}

/** null: `trust` was given and the known state turned out stale (nothing was written). */
async function submitOnce(caller: Caller, input: SubmitAttemptInput, now: Date, trust: boolean): Promise<Submission | null> {
  // 1. authorize: the same refusals as loadStudentAssessment (lib/assessments/access.ts).
  const shape = await assessmentShape(input.assessmentId, now.getTime());
  if (!shape) throw notFound("No such assessment.");
  const a = shape.assessment;
  const notOpenToYou = () => forbidden("This assessment is not open to you: only students enrolled in its course can answer it.");
  if (!a.publishedAt || a.publishedAt.getTime() > now.getTime()) throw notOpenToYou();
  const slots = assignedSlots(caller.id, a.id, shape.questions);
  const slot = slots.find((s) => s.questionId === input.questionId);
  const max = a.maxAttempts;
  // Skipping the read is only for the plain case: a submission the known state says may be
  // answered. Anything else (a refusal, a replay after the deadline) is decided on a fresh read.
  const known = trust && slot ? knownState(caller.id, slot.id) : undefined;
  const optimistic = known !== undefined && (max === null || known.answered < max) && answerable({ assessment: a, slots, sitting: known.sitting as StudentAssessment["sitting"] }, now);
  const state = optimistic
    ? { enrolled: true, sitting: known.sitting, stored: null, variant: null, attemptNumber: known.answered + 1 }
    : await callerSlotState(caller.id, a, slot?.id ?? null, input.idempotencyKey, max);
  if (!state.enrolled) throw notOpenToYou();
  // access.ts's type says the sitting is never null (`sittings[0] ?? null` without
  // noUncheckedIndexedAccess); its code, like ours, treats null as "no sitting".
  const loaded: StudentAssessment = { assessment: a, slots, sitting: state.sitting as StudentAssessment["sitting"] };
  if (!slot) throw forbidden("This question is not part of your assessment.");
  const released = () => isReleased(a, loaded.sitting, now);

  // 2. idempotency
  const replayOf = (stored: StoredAttempt & { assessmentQuestionId: string | null }): Submission => {
    if (stored.assessmentQuestionId !== slot.id) throw conflict("This idempotencyKey was already used for another question: use a new key for each submission.");
    return { ...attemptResult(stored, slot.points, released()), replayed: true };
  };
  if (state.stored) return replayOf(state.stored);

  // 3. may answer. The limit is checked inside the transaction, after the key: a concurrent twin
  // of this request may commit between here and there, and must be answered as a replay.
  assertAnswerable(loaded, now);
  const current = shape.currentVersion.get(slot.questionId);
  if (!current) throw new HttpError("internal", `question ${slot.questionId} has no current version`);
  // The current attempt's variant: the stored row, or the row this submission will create in its
  // transaction (seed and version are determined, so it can be graded before it is stored; one
  // commit per submission instead of two). Trusting the known state, the row is assumed new; if
  // the student opened the question meanwhile, the transaction finds that row and checks it is
  // the same variant.
  const row: VariantRow & { isNew: boolean } = state.variant
    ? { ...state.variant, isNew: false }
    : { ...plannedVariant({ userId: caller.id, slot, attemptNumber: state.attemptNumber, version: current, python: pythonOf(a), now }), isNew: true };

  // 4. validate
  const definition = definitionOf(row.questionVersionId === current.id ? current : await versionDefinition(row.questionVersionId));
  const variant = variantOf(definition, row.seed);
  const parsed = parseAnswer(definition, variant, input.answer);
  if (!parsed.ok && optimistic) return null; // judged against an assumed variant: judge it against the real one
  if (!parsed.ok) throw new HttpError("invalid", `The answer is not valid: ${parsed.errors.join("; ")}`, parsed.errors.map((message) => ({ path: "answer", message })));

  // 5. grade
  const python = pythonOf({ pythonVersion: row.pythonVersion });
  const key = await keyForAsync(row.questionVersionId, definition, variant, python);
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

  // 6. insert
  // What the function re-checks when the state read was skipped (NULL course: nothing to check).
  const sitting = optimistic ? state.sitting : null;
  try {
    // One round trip for the whole transaction, shared with the submissions that arrive meanwhile
    // (./submit-batch.ts, ./group-commit.ts: one transaction, answered after its COMMIT).
    // heapwise_submit_attempt (prisma/migrations: 20261125034410_attempt_number,
    // 20261125040500_submit_attempt_checks_state) locks the variant (inserting it on its first
    // sight), which serialises submissions for this student's attempt at this slot; then, in
    // statements that start after the lock is granted and so (READ COMMITTED) see whatever a twin
    // committed meanwhile, re-checks the key, the variant and the limit and inserts, with time on
    // task from the stored variant. A function because its statements are planned once per
    // connection, not parsed and planned per submission.
    const outcome = await submitCall(`${caller.id}\u0000${slot.id}`, {
      usr: caller.id,
      assessment: a.id,
      slot: slot.id,
      question: slot.questionId,
      new_variant: row.isNew ? row.id : null,
      version: row.questionVersionId,
      seed: row.seed,
      python: row.pythonVersion,
      issued_at: row.issuedAt.toISOString(),
      attempt_number: row.attemptNumber,
      id: randomUUID(),
      answer: parsed.answer,
      correct: graded.correct,
      score: graded.score,
      points: pointsFor(graded.score, slot.points),
      feedback,
      misconception: graded.misconception?.id ?? null,
      key: input.idempotencyKey,
      at: now.toISOString(),
      max_attempts: max,
      course: optimistic ? a.courseId : null,
      sitting: sitting?.id ?? null,
      deadline: sitting?.deadlineAt?.toISOString() ?? null,
      finished: sitting?.finishedAt?.toISOString() ?? null,
    });
    const r = outcomeSchema.parse(outcome);
    if ("stale" in r || (optimistic && !r.existing && !r.inserted)) {
      forgetState(caller.id, slot.id);
      if (optimistic) return null;
      throw new Error("unreachable: the database found a state stale that was just read");
    }
    if (r.inserted) rememberState(caller.id, slot.id, { answered: row.attemptNumber, sitting: state.sitting });
    const result = ((): { existing: StoredAttempt & { assessmentQuestionId: string | null } } | { inserted: StoredAttempt } => {
      if (r.existing) return { existing: r.existing };
      if (r.inserted) return { inserted: r.inserted };
      // A twin request created this attempt's variant first, from another version of the question.
      if (!r.same) throw conflict("This question changed while you answered it. Reload the question and answer again.");
      if (max !== null && r.used >= max) throw conflict(`No attempts left: this question allows ${max}.`);
      throw conflict("Another submission for this question was stored first. Reload the question and answer again.");
    })();
    if ("existing" in result && result.existing) return replayOf(result.existing);
    if ("inserted" in result && result.inserted) return { ...attemptResult(result.inserted, slot.points, released()), replayed: false };
    throw new Error("unreachable: the transaction returned neither a stored nor a new attempt");
  } catch (error) {
    forgetState(caller.id, slot.id);
    if (!isUniqueViolation(error)) throw error;
    // The same key used concurrently for another slot: the other row won the unique index.
    const again = (await callerSlotState(caller.id, a, slot.id, input.idempotencyKey, max)).stored;
    if (again) return replayOf(again);
    throw error;
  }
}

function answerable(loaded: StudentAssessment, now: Date): boolean {
  try {
    assertAnswerable(loaded, now);
    return true;
  } catch {
    return false;
  }
}
