// Progress over time: per ISO week (Monday 00:00 UTC, date_trunc('week')) of a course's attempts,
// how many attempts, how many students were active, the share correct and the mean score.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
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
  const rows = await getPrisma().$queryRaw<unknown[]>`
    SELECT date_trunc('week', t."createdAt") AS "weekStart", count(*)::int AS attempts,
      count(DISTINCT t."userId")::int AS students, avg(t.correct::int)::float8 AS facility, avg(t.score)::float8 AS "meanScore"
    FROM "Attempt" t JOIN "Assessment" a ON a.id = t."assessmentId"
    WHERE a."courseId" = ${course.id}
    GROUP BY 1 ORDER BY 1`;
  return z.array(rowSchema).parse(rows);
}
