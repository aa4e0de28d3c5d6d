// Quintile curve: the class (students who attempted the assessment) is cut into fifths by total
// counted points, lowest first (ntile(5), ties broken by user id so the cut is deterministic);
// for each item and fifth, the share of that fifth's students who attempted the item whose counted
// attempt is correct. Per question and per version of the counted attempt, as in item-core.ts.
import { z } from "zod";
import { analyticsQuery } from "./run";
import { Prisma } from "@/lib/db/client";
import { countedAttempts } from "./counted";

const rowSchema = z.object({
  slotId: z.string(),
  versionId: z.string().nullable(),
  quintile: z.number().int().min(1).max(5),
  n: z.number().int(),
  facility: z.number(),
});
export type QuintileRow = z.infer<typeof rowSchema>;

export async function quintiles(assessmentId: string): Promise<QuintileRow[]> {
  const rows = await analyticsQuery(Prisma.sql`
    WITH counted AS (${countedAttempts(Prisma.sql`t."assessmentId" = ${assessmentId}`)}),
    ranked AS (
      SELECT "userId", ntile(5) OVER (ORDER BY sum(points), "userId") AS quintile FROM counted GROUP BY "userId"
    )
    SELECT c."slotId",
      CASE WHEN GROUPING(c."questionVersionId") = 0 THEN c."questionVersionId" END AS "versionId",
      r.quintile::int AS quintile, count(*)::int AS n, avg(c.correct::int)::float8 AS facility
    FROM counted c JOIN ranked r USING ("userId")
    GROUP BY GROUPING SETS ((c."slotId", r.quintile), (c."slotId", c."questionVersionId", r.quintile))`);
  return z.array(rowSchema).parse(rows);
}
