// The course dashboard's server work in as few scans as it can: the score distributions and the
// mastery heatmap both start from the counted points of every (student, slot) of the course, the
// costly part at 200,000 attempts (counted.ts). One query computes them once (a MATERIALIZED CTE)
// and returns both results as JSON columns. (A temporary table shared by two queries was tried
// first: filling it cost three times the bare query.) Progress by week reads the attempts
// differently and runs beside it.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";
import { countedPoints } from "./counted";
import { type AssessmentSummary, type CourseStudent, courseAssessments, courseStudentsOf, distributionsSql, summaries } from "./course-overview";
import { type MasteryCell, masterySql, parseMastery } from "./mastery-heatmap";
import { progressOverTime, type WeekProgress } from "./progress";
import { analyticsQuery } from "./run";

export type CourseDashboard = { assessments: AssessmentSummary[]; mastery: MasteryCell[]; progress: WeekProgress[]; students: CourseStudent[] };

const bothSchema = z.object({ mastery: z.array(z.unknown()), distributions: z.array(z.unknown()) });

export async function courseDashboard(caller: Caller, courseId: string): Promise<CourseDashboard> {
  const { course } = await authorizeCourse(caller, courseId);
  const counted = Prisma.sql`counted`;
  const [assessments, rows, progress, students] = await Promise.all([
    courseAssessments(course.id),
    analyticsQuery(Prisma.sql`
      WITH counted AS MATERIALIZED (${countedPoints(course.id)}),
      m AS (${masterySql(course.id, counted)}),
      d AS (${distributionsSql(course.id, counted)})
      SELECT (SELECT coalesce(json_agg(m), '[]'::json) FROM m) AS mastery, (SELECT coalesce(json_agg(d), '[]'::json) FROM d) AS distributions`),
    progressOverTime(caller, course.id),
    courseStudentsOf(course.id),
  ]);
  const both = bothSchema.parse(rows[0]);
  return { assessments: summaries(assessments, both.distributions), mastery: parseMastery(both.mastery), progress, students };
}
