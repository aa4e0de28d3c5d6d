// The most common wrong answers of each item: every attempt not fully correct (all attempts, not
// only counted ones: a wrong answer given and then fixed is still a misconception met), grouped by
// the answer and its detected misconception. Per question and per version the attempt was graded
// with; the top `limit` of each, most frequent first.
import { z } from "zod";
import { analyticsQuery } from "./run";
import { Prisma } from "@/lib/db/client";

const rowSchema = z.object({
  slotId: z.string(),
  versionId: z.string().nullable(),
  answer: z.unknown(),
  misconception: z.string().nullable(),
  count: z.number().int(),
});
export type WrongAnswerRow = z.infer<typeof rowSchema>;

export async function wrongAnswers(assessmentId: string, limit = 3): Promise<WrongAnswerRow[]> {
  const rows = await analyticsQuery(Prisma.sql`
    WITH grouped AS (
      SELECT "assessmentQuestionId" AS "slotId",
        CASE WHEN GROUPING("questionVersionId") = 0 THEN "questionVersionId" END AS "versionId",
        answer, misconception, count(*)::int AS count
      FROM "Attempt"
      WHERE "assessmentId" = ${assessmentId} AND "assessmentQuestionId" IS NOT NULL AND NOT correct
      GROUP BY GROUPING SETS (("assessmentQuestionId", answer, misconception), ("assessmentQuestionId", "questionVersionId", answer, misconception))
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY "slotId", "versionId" ORDER BY count DESC, answer::text, misconception NULLS LAST) AS place
      FROM grouped
    )
    SELECT "slotId", "versionId", answer, misconception, count FROM ranked WHERE place <= ${limit}
    ORDER BY "slotId", "versionId" NULLS FIRST, place`);
  return z.array(rowSchema).parse(rows);
}
