// Grades export: a row per enrolled student, a column per assessment (opening order), each cell
// the student's counted points (blank: never attempted). Streamed: students are read in keyset
// pages of BATCH, each page's totals computed in SQL, so memory stays flat however large the class.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getPrisma, Prisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";
import { countedPoints } from "./counted";
import { csvLine } from "./csv";
import { analyticsQuery } from "./run";

const BATCH = 500;

const studentSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
// One row per student, the totals as parallel arrays: fewer rows to decode than a row per cell.
const cellSchema = z.object({ userId: z.string(), assessmentIds: z.array(z.string()), earned: z.array(z.number()) });

/** `batch` is the page of students (tests use a small one to cross page boundaries). */
export async function* gradesCsv(caller: Caller, courseId: string, batch = BATCH): AsyncGenerator<string> {
  const { course } = await authorizeCourse(caller, courseId);
  const db = getPrisma();
  const assessments = await db.assessment.findMany({
    where: { courseId: course.id },
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
  yield csvLine(["student", "email", ...assessments.map((a) => a.title)]);
  let after = "";
  for (;;) {
    const students = z.array(studentSchema).parse(
      await db.$queryRaw<unknown[]>`
        SELECT u.id, u.name, u.email FROM "Enrolment" e JOIN "User" u ON u.id = e."userId"
        WHERE e."courseId" = ${course.id} AND e.role = 'STUDENT' AND u.id > ${after}
        ORDER BY u.id LIMIT ${batch}`,
    );
    if (students.length === 0) return;
    const ids = students.map((s) => s.id);
    const cells = z.array(cellSchema).parse(
      await analyticsQuery(Prisma.sql`
        WITH counted AS (${countedPoints(course.id, ids)}),
        totals AS (SELECT "userId", "assessmentId", sum(points)::float8 AS earned FROM counted GROUP BY "userId", "assessmentId")
        SELECT "userId", array_agg("assessmentId") AS "assessmentIds", array_agg(earned) AS earned FROM totals GROUP BY "userId"`),
    );
    const earned = new Map(cells.flatMap((c) => c.assessmentIds.map((a, i) => [`${c.userId}\u0000${a}`, c.earned[i]] as const)));
    for (const s of students) {
      yield csvLine([s.name, s.email, ...assessments.map((a) => earned.get(`${s.id}\u0000${a.id}`) ?? null)]);
    }
    after = ids[ids.length - 1];
  }
}
