// The counted attempt of each (student, slot): the one the assessment's score policy keeps.
// BEST: the highest score, ties to the latest; LAST: the latest. DISTINCT ON keeps the first row
// of each (user, slot) in the ORDER BY, so the policy is one sort key and no JavaScript sees rows.
// Statistics are over students who attempted (unanswered slots are absent here, and count as 0
// points only where a statistic needs every item of every student: Cronbach's alpha).
import { z } from "zod";
import { Prisma } from "@/lib/db/client";

export function countedAttempts(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (t."userId", t."assessmentQuestionId")
      t."userId", t."assessmentId", t."assessmentQuestionId" AS "slotId", t."questionVersionId",
      t.score, t.points, t.correct
    FROM "Attempt" t
    JOIN "Assessment" a ON a.id = t."assessmentId"
    WHERE t."assessmentQuestionId" IS NOT NULL AND ${where}
    ORDER BY t."userId", t."assessmentQuestionId",
      CASE WHEN a."scorePolicy" = 'BEST' THEN t.score ELSE 0 END DESC, t."createdAt" DESC, t.id DESC`;
}

/** A number SQL may leave NULL (no rows, zero variance). */
export const nullableNumber = z.number().nullable();
