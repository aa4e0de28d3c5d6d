// Mechanism × student mastery: for each student and mechanism, the share of points earned on the
// slots of that mechanism the student attempted (counted attempts, each assessment's policy).
// Students who attempted nothing of a mechanism have no cell (not 0: nothing was measured).
// SQL returns one row per student with the cells as arrays: at 1,000 students × 10 mechanisms,
// decoding and validating 10,000 row objects cost more than the aggregation itself.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";
import { countedPoints } from "./counted";
import { analyticsQuery } from "./run";

const rowSchema = z.object({
  userId: z.string(),
  mechanisms: z.array(z.string()),
  earned: z.array(z.number()),
  possible: z.array(z.number()),
});
export type MasteryCell = { userId: string; mechanism: string; earned: number; possible: number; share: number };

export async function masteryHeatmap(caller: Caller, courseId: string): Promise<MasteryCell[]> {
  const { course } = await authorizeCourse(caller, courseId);
  return parseMastery(await analyticsQuery(masterySql(course.id, Prisma.sql`(${countedPoints(course.id)})`)));
}

/** The heatmap's query over `counted`, a relation of countedPoints rows (course-dashboard.ts shares one). */
export function masterySql(courseId: string, counted: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH slots AS (
      SELECT aq.id, q.mechanism, aq.points FROM "AssessmentQuestion" aq
      JOIN "Question" q ON q.id = aq."questionId" JOIN "Assessment" a ON a.id = aq."assessmentId"
      WHERE a."courseId" = ${courseId}
    ),
    cells AS (
      SELECT c."userId", s.mechanism, sum(c.points)::float8 AS earned, sum(s.points)::float8 AS possible
      FROM ${counted} c JOIN slots s ON s.id = c."slotId"
      GROUP BY c."userId", s.mechanism HAVING sum(s.points) > 0
    )
    SELECT "userId", array_agg(mechanism ORDER BY mechanism) AS mechanisms,
      array_agg(earned ORDER BY mechanism) AS earned, array_agg(possible ORDER BY mechanism) AS possible
    FROM cells GROUP BY "userId" ORDER BY "userId"`;
}

export function parseMastery(rows: unknown[]): MasteryCell[] {
  return z
    .array(rowSchema)
    .parse(rows)
    .flatMap((r) => r.mechanisms.map((mechanism, i) => ({ userId: r.userId, mechanism, earned: r.earned[i], possible: r.possible[i], share: r.earned[i] / r.possible[i] })));
}
