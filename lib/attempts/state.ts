// The caller's own state at one slot, read in one round trip for the submission path
// (./submit.ts): enrolment as a STUDENT, the quiz sitting, an attempt already stored under the
// idempotency key, the attempts used (the largest Attempt.attemptNumber there), and the Variant
// row of the current attempt (as ./variants.ts numbers it: attempts used + 1, or the last one once
// the limit is used up).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { query, sql } from "@/lib/db/raw";
import { variantSeed } from "@/lib/questions/variant";

// json_build_object renders timestamp(3) without a zone; the database stores UTC (Prisma's rule).
const utc = z.string().transform((s) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`));

const sittingSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  userId: z.string(),
  startedAt: utc,
  deadlineAt: utc.nullable(),
  finishedAt: utc.nullable(),
});
const storedSchema = z.object({ id: z.string(), assessmentQuestionId: z.string().nullable(), correct: z.boolean(), score: z.number(), feedback: z.unknown() });
const variantSchema = z.object({
  id: z.string(),
  questionVersionId: z.string(),
  seed: z.number().int(),
  pythonVersion: z.string(),
  issuedAt: utc,
  attemptNumber: z.number().int(),
});
export type VariantRow = z.infer<typeof variantSchema>;

const stateSchema = z.object({
  answered: z.number().int(),
  enrolled: z.boolean(),
  sitting: sittingSchema.nullable(),
  stored: storedSchema.nullable(),
  variant: variantSchema.nullable(),
});

const attemptNumberOf = (answered: number, max: number | null) => (max !== null && answered >= max && answered > 0 ? answered : answered + 1);

/** Read by the database function heapwise_slot_state (prisma/migrations/20261125034410_attempt_number), whose plans PostgreSQL keeps per connection. */
export async function callerSlotState(userId: string, assessment: { id: string; courseId: string }, slotId: string | null, idempotencyKey: string, max: number | null) {
  const rows = await query<{ state: unknown }>(sql`SELECT heapwise_slot_state(${userId}, ${assessment.courseId}, ${assessment.id}, ${slotId}, ${idempotencyKey}, ${max}::int) AS state`);
  const state = stateSchema.parse(rows[0]?.state);
  return { ...state, attemptNumber: attemptNumberOf(state.answered, max) };
}

/**
 * The Variant row of an attempt not yet issued, as ./variants.ts currentVariantRow would create
 * it: the seed from variantSeed, the question's current version pinned. Written by the
 * submission's transaction (heapwise_submit_attempt) on its first sight.
 */
export function plannedVariant(p: { userId: string; slot: { questionId: string }; attemptNumber: number; version: { id: string }; python: string; now: Date }): VariantRow {
  return {
    id: randomUUID(),
    questionVersionId: p.version.id,
    // The column is int4; the PRNG reads the seed as unsigned (>>> 0), so storing the signed view
    // of the same 32 bits gives the same variant.
    seed: variantSeed(p.userId, p.slot.questionId, p.attemptNumber) | 0,
    pythonVersion: p.python,
    issuedAt: p.now,
    attemptNumber: p.attemptNumber,
  };
}

/** A pinned version's definition (a variant issued before the question's current version). */
export async function versionDefinition(id: string): Promise<{ id: string; definition: unknown }> {
  return getPrisma().questionVersion.findUniqueOrThrow({ where: { id }, select: { id: true, definition: true } });
}
