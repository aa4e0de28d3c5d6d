// Mechanism × student mastery: for each student and mechanism, the share of points earned on the
// slots of that mechanism the student attempted (counted attempts, each assessment's policy).
// Students who attempted nothing of a mechanism have no cell (not 0: nothing was measured).
import { z } from "zod";
import { analyticsQuery } from "./run";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";
import { countedPoints } from "./counted";

const rowSchema = z.object({
  userId: z.string(),
  mechanism: z.string(),
  earned: z.number(),
  possible: z.number(),
  share: z.number(),
});
export type MasteryCell = z.infer<typeof rowSchema>;

export async function masteryHeatmap(caller: Caller, courseId: string): Promise<MasteryCell[]> {
  const { course } = await authorizeCourse(caller, courseId);
  const rows = await analyticsQuery(Prisma.sql`
    WITH counted AS (${countedPoints(course.id)})
    SELECT c."userId", q.mechanism, sum(c.points)::float8 AS earned, sum(aq.points)::float8 AS possible,
      (sum(c.points) / nullif(sum(aq.points), 0))::float8 AS share
    FROM counted c
    JOIN "AssessmentQuestion" aq ON aq.id = c."slotId"
    JOIN "Question" q ON q.id = aq."questionId"
    GROUP BY c."userId", q.mechanism
    HAVING sum(aq.points) > 0
    ORDER BY c."userId", q.mechanism`);
  return z.array(rowSchema).parse(rows);
}
