// Cronbach's alpha of one assessment: k/(k−1) · (1 − Σ item variances / variance of totals).
// Items are the assessment's slots, a pool counting as one item; students are those who attempted
// at least one; an item a student did not attempt scores 0 points (alpha needs a full matrix).
// Population variances (var_pop) throughout. The choice does not change alpha: each variance
// carries the same factor n/(n−1) between the two, and it cancels in the ratio.
import { z } from "zod";
import { analyticsQuery } from "./run";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db/client";
import { authorizeAssessment } from "./access";
import { countedAttempts, nullableNumber } from "./counted";

const rowSchema = z.object({
  items: z.number().int(),
  students: z.number().int(),
  sumItemVariance: nullableNumber,
  totalVariance: nullableNumber,
  alpha: nullableNumber,
});
export type CronbachAlpha = z.infer<typeof rowSchema>;

export async function cronbachAlpha(caller: Caller, assessmentId: string): Promise<CronbachAlpha> {
  const { assessment } = await authorizeAssessment(caller, assessmentId);
  const rows = await analyticsQuery(Prisma.sql`
    WITH counted AS (${countedAttempts(Prisma.sql`t."assessmentId" = ${assessment.id}`)}),
    item_of AS (SELECT id AS "slotId", coalesce("poolKey", id) AS item FROM "AssessmentQuestion" WHERE "assessmentId" = ${assessment.id}),
    items AS (SELECT DISTINCT item FROM item_of),
    students AS (SELECT DISTINCT "userId" FROM counted),
    earned AS (SELECT c."userId", i.item, sum(c.points) AS pts FROM counted c JOIN item_of i USING ("slotId") GROUP BY c."userId", i.item),
    grid AS (
      SELECT s."userId", it.item, coalesce(e.pts, 0) AS pts
      FROM students s CROSS JOIN items it LEFT JOIN earned e ON e."userId" = s."userId" AND e.item = it.item
    ),
    stats AS (
      SELECT (SELECT count(*) FROM items)::int AS items,
        (SELECT count(*) FROM students)::int AS students,
        (SELECT sum(v) FROM (SELECT var_pop(pts) AS v FROM grid GROUP BY item) iv)::float8 AS "sumItemVariance",
        (SELECT var_pop(t) FROM (SELECT sum(pts) AS t FROM grid GROUP BY "userId") tt)::float8 AS "totalVariance"
    )
    SELECT *, CASE WHEN items > 1 AND "totalVariance" > 0
      THEN items::float8 / (items - 1) * (1 - "sumItemVariance" / "totalVariance") END AS alpha
    FROM stats`);
  return rowSchema.parse(rows[0]);
}
