// Per question (slot) and per question version: n, facility, discrimination, attempts to first
// correct, time on task. One query; GROUPING SETS gives the question rows (version null) and the
// version rows from the same student-item rows.
//
// Definitions (over students who attempted the item, each with their counted attempt):
// - facility: share of those students whose counted attempt is correct (full credit);
// - discrimination: corrected item-rest correlation, Pearson r between the item's counted points
//   and the student's assessment total minus those points (corr(); NULL with fewer than two
//   students or no variance);
// - attempts to first correct: how many attempts a student made up to and including their first
//   correct one, over students who ever got it right (mean and median);
// - time on task: a student's summed timeTakenMs on the item (all attempts with a measured time,
//   ./time-taken.ts), median over the students with one.
// A version row groups students by the version of their counted attempt.
import { z } from "zod";
import { analyticsQuery } from "./run";
import { Prisma } from "@/lib/db/client";
import { countedAttempts, nullableNumber } from "./counted";
import { timeTakenSql } from "./time-taken";

const rowSchema = z.object({
  slotId: z.string(),
  versionId: z.string().nullable(),
  n: z.number().int(),
  facility: z.number(),
  discrimination: nullableNumber,
  attemptsToFirstCorrectMean: nullableNumber,
  attemptsToFirstCorrectMedian: nullableNumber,
  timeOnTaskMedianMs: nullableNumber,
});
export type ItemCoreRow = z.infer<typeof rowSchema>;

export async function itemCore(assessmentId: string): Promise<ItemCoreRow[]> {
  const rows = await analyticsQuery(Prisma.sql`
    WITH counted AS (${countedAttempts(Prisma.sql`t."assessmentId" = ${assessmentId}`)}),
    totals AS (SELECT "userId", sum(points) AS total FROM counted GROUP BY "userId"),
    numbered AS (
      SELECT "userId", "assessmentQuestionId" AS "slotId", correct, ${timeTakenSql(Prisma.sql`"timeTakenMs"`)} AS "timeTakenMs",
        row_number() OVER (PARTITION BY "userId", "assessmentQuestionId" ORDER BY "createdAt", id) AS k
      FROM "Attempt" WHERE "assessmentId" = ${assessmentId} AND "assessmentQuestionId" IS NOT NULL
    ),
    tries AS (
      SELECT "userId", "slotId", min(k) FILTER (WHERE correct) AS "firstCorrect", sum("timeTakenMs") AS "timeMs"
      FROM numbered GROUP BY "userId", "slotId"
    ),
    items AS (
      SELECT c."slotId", c."questionVersionId", c.correct, c.points, tot.total - c.points AS rest, tr."firstCorrect", tr."timeMs"
      FROM counted c JOIN totals tot USING ("userId") JOIN tries tr USING ("userId", "slotId")
    )
    SELECT "slotId",
      CASE WHEN GROUPING("questionVersionId") = 0 THEN "questionVersionId" END AS "versionId",
      count(*)::int AS n,
      avg(correct::int)::float8 AS facility,
      corr(points, rest) AS discrimination,
      avg("firstCorrect")::float8 AS "attemptsToFirstCorrectMean",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "firstCorrect") AS "attemptsToFirstCorrectMedian",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "timeMs") AS "timeOnTaskMedianMs"
    FROM items
    GROUP BY GROUPING SETS (("slotId"), ("slotId", "questionVersionId"))`);
  return z.array(rowSchema).parse(rows);
}
