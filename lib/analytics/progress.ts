// Progress over time: per ISO week (Monday 00:00 UTC, date_trunc('week')) of a course's attempts,
// how many attempts, how many students were active, the share correct and the mean score.
// Grouped by (week, student) first, so counting active students needs no COUNT(DISTINCT) sort;
// the assessments as an array (not a join) lets PostgreSQL read only the analytics index.
import { z } from "zod";
import { analyticsQuery } from "./run";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";

const rowSchema = z.object({
  weekStart: z.date(),
  attempts: z.number().int(),
  students: z.number().int(),
  facility: z.number(),
  meanScore: z.number(),
});
export type WeekProgress = z.infer<typeof rowSchema>;

export async function progressOverTime(caller: Caller, courseId: string): Promise<WeekProgress[]> {
  const { course } = await authorizeCourse(caller, courseId);
  const rows = await analyticsQuery(Prisma.sql`
    WITH per_student AS (
      SELECT date_trunc('week', t."createdAt") AS week, count(*) AS n, sum(t.correct::int) AS correct, sum(t.score) AS score
      FROM "Attempt" t
      WHERE t."assessmentId" = ANY(ARRAY(SELECT id FROM "Assessment" WHERE "courseId" = ${course.id}))
      GROUP BY 1, t."userId"
    )
    SELECT week AS "weekStart", sum(n)::int AS attempts, count(*)::int AS students,
      (sum(correct)::float8 / sum(n)) AS facility, (sum(score) / sum(n))::float8 AS "meanScore"
    FROM per_student GROUP BY week ORDER BY week`);
  return z.array(rowSchema).parse(rows);
}
