// The caller's own state at one slot, read in one round trip for the submission path
// (./submit.ts): enrolment as a STUDENT, the quiz sitting, an attempt already stored under the
// idempotency key, the attempts used, and the Variant row of the current attempt (as
// ./variants.ts numbers it: attempts used + 1, or the last one once the limit is used up).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { literal, query, sql, type SqlText } from "@/lib/db/raw";
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

export async function callerSlotState(userId: string, assessment: { id: string; courseId: string }, slotId: string | null, idempotencyKey: string, max: number | null) {
  const rows = await query<object>(sql`
    WITH n AS (SELECT count(*)::int AS answered FROM "Attempt" WHERE "userId" = ${userId} AND "assessmentQuestionId" = ${slotId})
    SELECT n.answered,
      EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."courseId" = ${assessment.courseId} AND e."userId" = ${userId} AND e.role = 'STUDENT') AS enrolled,
      (SELECT json_build_object('id', s.id, 'assessmentId', s."assessmentId", 'userId', s."userId", 'startedAt', s."startedAt", 'deadlineAt', s."deadlineAt", 'finishedAt', s."finishedAt")
         FROM "Sitting" s WHERE s."assessmentId" = ${assessment.id} AND s."userId" = ${userId}) AS sitting,
      (SELECT json_build_object('id', t.id, 'assessmentQuestionId', t."assessmentQuestionId", 'correct', t.correct, 'score', t.score, 'feedback', t.feedback)
         FROM "Attempt" t WHERE t."userId" = ${userId} AND t."idempotencyKey" = ${idempotencyKey}) AS stored,
      (SELECT json_build_object('id', v.id, 'questionVersionId', v."questionVersionId", 'seed', v.seed, 'pythonVersion', v."pythonVersion", 'issuedAt', v."issuedAt", 'attemptNumber', v."attemptNumber")
         FROM "Variant" v WHERE v."userId" = ${userId} AND v."assessmentQuestionId" = ${slotId}
          AND v."attemptNumber" = CASE WHEN ${max}::int IS NOT NULL AND n.answered >= ${max}::int AND n.answered > 0 THEN n.answered ELSE n.answered + 1 END) AS variant
    FROM n`);
  const state = stateSchema.parse(rows[0]);
  return { ...state, attemptNumber: attemptNumberOf(state.answered, max) };
}

/**
 * The Variant row of an attempt not yet issued, as ./variants.ts currentVariantRow would create
 * it: the seed from variantSeed, the question's current version pinned. Written by
 * insertAndLockVariant inside the submission's transaction.
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

/**
 * Inserts a planned variant, or finds the row a twin request created first, and locks it: with
 * DO UPDATE (of a column to its own value) the conflicting row is locked like SELECT ... FOR
 * UPDATE. One statement instead of an insert and a lock; the caller's next statement checks that
 * the stored row is the variant it graded against. Rendered with literals, for lib/db/raw.ts script.
 */
export function insertAndLockVariant(userId: string, slot: { id: string; questionId: string }, v: VariantRow): SqlText {
  return literal`
    INSERT INTO "Variant" (id, "userId", "questionId", "questionVersionId", "assessmentQuestionId", "attemptNumber", seed, "pythonVersion", "issuedAt")
    VALUES (${v.id}, ${userId}, ${slot.questionId}, ${v.questionVersionId}, ${slot.id}, ${v.attemptNumber}, ${v.seed}, ${v.pythonVersion}, ${v.issuedAt.toISOString()}::timestamp)
    ON CONFLICT ("userId", "assessmentQuestionId", "attemptNumber") DO UPDATE SET "attemptNumber" = EXCLUDED."attemptNumber"
    RETURNING id`;
}

/** A pinned version's definition (a variant issued before the question's current version). */
export async function versionDefinition(id: string): Promise<{ id: string; definition: unknown }> {
  return getPrisma().questionVersion.findUniqueOrThrow({ where: { id }, select: { id: true, definition: true } });
}
