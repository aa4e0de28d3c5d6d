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

/**
 * The counted points of each (student, slot) of a course (optionally of some students only), for
 * the course views, which need only the points. At 200,000 attempts a sort or a hash over every
 * attempt costs most of the budget, so each policy gets the plan that reads the analytics index
 * (prisma/schema.prisma: assessmentId, userId, assessmentQuestionId, createdAt, id, ...) in order,
 * index-only, without sorting: BEST groups it and keeps the largest points (points rise with the
 * score on one slot); LAST walks it backwards and keeps each group's first row, the latest attempt.
 */
export function countedPoints(courseId: string, userIds?: readonly string[]): Prisma.Sql {
  const students = userIds ? Prisma.sql`AND t."userId" = ANY(${[...userIds]}::text[])` : Prisma.empty;
  const of = (policy: "BEST" | "LAST") =>
    Prisma.sql`t."assessmentId" = ANY(ARRAY(SELECT id FROM "Assessment" WHERE "courseId" = ${courseId} AND "scorePolicy" = ${policy}::"ScorePolicy"))
      AND t."assessmentQuestionId" IS NOT NULL ${students}`;
  return Prisma.sql`
    SELECT t."userId", t."assessmentId", t."assessmentQuestionId" AS "slotId", max(t.points) AS points
    FROM "Attempt" t WHERE ${of("BEST")}
    GROUP BY t."assessmentId", t."userId", t."assessmentQuestionId"
    UNION ALL
    (SELECT DISTINCT ON (t."assessmentId", t."userId", t."assessmentQuestionId")
      t."userId", t."assessmentId", t."assessmentQuestionId" AS "slotId", t.points
    FROM "Attempt" t WHERE ${of("LAST")}
    ORDER BY t."assessmentId" DESC, t."userId" DESC, t."assessmentQuestionId" DESC, t."createdAt" DESC, t.id DESC)`;
}
