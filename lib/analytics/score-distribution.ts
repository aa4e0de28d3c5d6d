// Score distribution of one assessment: each student's counted points out of the possible points
// (a pool of slots counts once, at its largest slot), summarised and binned in tenths. Over the
// students who attempted at least one question; the SD is the population SD (all of the class).
import { z } from "zod";
import { analyticsQuery } from "./run";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db/client";
import { authorizeAssessment } from "./access";
import { countedAttempts, nullableNumber } from "./counted";

const rowSchema = z.object({
  students: z.number().int(),
  possible: z.number(),
  mean: nullableNumber,
  median: nullableNumber,
  sd: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
  bins: z.array(z.number().int()).length(10),
});
export type ScoreDistribution = z.infer<typeof rowSchema>;

export async function scoreDistribution(caller: Caller, assessmentId: string): Promise<ScoreDistribution> {
  const { assessment } = await authorizeAssessment(caller, assessmentId);
  const rows = await analyticsQuery(Prisma.sql`
    WITH counted AS (${countedAttempts(Prisma.sql`t."assessmentId" = ${assessment.id}`)}),
    totals AS (SELECT "userId", sum(points) AS earned FROM counted GROUP BY "userId"),
    possible AS (
      SELECT coalesce(sum(p), 0)::float8 AS possible
      FROM (SELECT max(points) AS p FROM "AssessmentQuestion" WHERE "assessmentId" = ${assessment.id} GROUP BY coalesce("poolKey", id)) pools
    ),
    binned AS (
      SELECT least(9, floor(10 * t.earned / nullif(p.possible, 0)))::int AS bin FROM totals t CROSS JOIN possible p
    )
    SELECT (SELECT count(*) FROM totals)::int AS students,
      (SELECT possible FROM possible) AS possible,
      (SELECT avg(earned) FROM totals)::float8 AS mean,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY earned) FROM totals)::float8 AS median,
      (SELECT stddev_pop(earned) FROM totals)::float8 AS sd,
      (SELECT min(earned) FROM totals)::float8 AS min,
      (SELECT max(earned) FROM totals)::float8 AS max,
      (SELECT array_agg(coalesce(c.n, 0)::int ORDER BY b.bin)
         FROM generate_series(0, 9) AS b(bin)
         LEFT JOIN (SELECT bin, count(*) AS n FROM binned GROUP BY bin) c ON c.bin = b.bin) AS bins`);
  return rowSchema.parse(rows[0]);
}
