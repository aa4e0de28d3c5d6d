// The score distribution of every assessment of a course, in one query over the counted
// points of the whole course (counted.ts: the index-only plan per score policy), rather than one
// scoreDistribution() per assessment: each of those would scan the attempts again. Same
// definitions as score-distribution.ts: counted points out of the possible points (a pool counts
// once, at its largest slot), over the students who attempted; bins are tenths of the possible.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getPrisma, Prisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";
import { countedPoints, nullableNumber } from "./counted";
import { analyticsQuery } from "./run";

const rowSchema = z.object({
  assessmentId: z.string(),
  students: z.number().int(),
  possible: z.number(),
  mean: nullableNumber,
  median: nullableNumber,
  bins: z.array(z.number().int()).length(10),
});

export type AssessmentSummary = {
  id: string;
  title: string;
  kind: string;
  opensAt: Date;
  closesAt: Date;
  publishedAt: Date | null;
  students: number;
  possible: number;
  mean: number | null;
  median: number | null;
  bins: number[];
};

export async function courseScoreDistributions(caller: Caller, courseId: string): Promise<AssessmentSummary[]> {
  const { course } = await authorizeCourse(caller, courseId);
  const [assessments, rows] = await Promise.all([courseAssessments(course.id), analyticsQuery(distributionsSql(course.id, Prisma.sql`(${countedPoints(course.id)})`))]);
  return summaries(assessments, rows);
}

export function courseAssessments(courseId: string) {
  return getPrisma().assessment.findMany({
    where: { courseId },
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, kind: true, opensAt: true, closesAt: true, publishedAt: true },
  });
}

/** The distributions' query over `counted`, a relation of countedPoints rows (course-dashboard.ts shares one). */
export function distributionsSql(courseId: string, counted: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH totals AS (SELECT "assessmentId", "userId", sum(points) AS earned FROM ${counted} c GROUP BY "assessmentId", "userId"),
    possible AS (
      SELECT "assessmentId", coalesce(sum(p), 0)::float8 AS possible FROM (
        SELECT aq."assessmentId", max(aq.points) AS p FROM "AssessmentQuestion" aq JOIN "Assessment" a ON a.id = aq."assessmentId"
        WHERE a."courseId" = ${courseId} GROUP BY aq."assessmentId", coalesce(aq."poolKey", aq.id)
      ) pools GROUP BY "assessmentId"
    ),
    binned AS (
      SELECT t."assessmentId", t.earned, least(9, floor(10 * t.earned / nullif(p.possible, 0)))::int AS bin
      FROM totals t JOIN possible p USING ("assessmentId")
    )
    -- One pass over the students' totals, grouped by assessment (not a subquery per statistic).
    SELECT p."assessmentId", p.possible, count(b.earned)::int AS students, avg(b.earned)::float8 AS mean,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY b.earned))::float8 AS median,
      ARRAY[count(*) FILTER (WHERE b.bin = 0), count(*) FILTER (WHERE b.bin = 1), count(*) FILTER (WHERE b.bin = 2), count(*) FILTER (WHERE b.bin = 3), count(*) FILTER (WHERE b.bin = 4), count(*) FILTER (WHERE b.bin = 5), count(*) FILTER (WHERE b.bin = 6), count(*) FILTER (WHERE b.bin = 7), count(*) FILTER (WHERE b.bin = 8), count(*) FILTER (WHERE b.bin = 9)]::int[] AS bins
    FROM possible p LEFT JOIN binned b USING ("assessmentId")
    GROUP BY p."assessmentId", p.possible`;
}

export function summaries(assessments: Awaited<ReturnType<typeof courseAssessments>>, rows: unknown[]): AssessmentSummary[] {
  const byId = new Map(z.array(rowSchema).parse(rows).map((r) => [r.assessmentId, r]));
  return assessments.map((a) => {
    const r = byId.get(a.id);
    return { ...a, students: r?.students ?? 0, possible: r?.possible ?? 0, mean: r?.mean ?? null, median: r?.median ?? null, bins: r?.bins ?? Array(10).fill(0) };
  });
}

const studentSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type CourseStudent = z.infer<typeof studentSchema>;

/** The course's students (enrolled as STUDENT), by name: the rows of the heatmap and links to drill-downs. */
export async function courseStudents(caller: Caller, courseId: string): Promise<CourseStudent[]> {
  const { course } = await authorizeCourse(caller, courseId);
  return courseStudentsOf(course.id);
}

/** Unchecked: for callers that authorized the course already. */
export async function courseStudentsOf(courseId: string): Promise<CourseStudent[]> {
  const rows = await getPrisma().$queryRaw<unknown[]>`
    SELECT u.id, u.name, u.email FROM "Enrolment" e JOIN "User" u ON u.id = e."userId"
    WHERE e."courseId" = ${courseId} AND e.role = 'STUDENT' ORDER BY u.name, u.id`;
  return z.array(studentSchema).parse(rows);
}
