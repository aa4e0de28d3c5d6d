// One student's record in a course, for the instructor: every attempt with the answer given, the
// key (the expected answer stored in the attempt's feedback at grading time), the trace of the key
// moment, and the misconception detected. Attempts in course order (oldest first).
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { feedbackSchema } from "@/lib/attempts/schema";
import { getPrisma, Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { authorizeCourse, idSchema } from "./access";
import { timeTakenSql } from "./time-taken";

const rowSchema = z.object({
  attemptId: z.string(),
  assessmentId: z.string(),
  assessmentTitle: z.string(),
  questionId: z.string(),
  questionTitle: z.string(),
  version: z.number().int(),
  answer: z.unknown(),
  feedback: feedbackSchema,
  correct: z.boolean(),
  score: z.number(),
  points: z.number(),
  misconception: z.string().nullable(),
  timeTakenMs: z.number().int().nullable(),
  createdAt: z.date(),
});

export type DrillDownAttempt = Omit<z.infer<typeof rowSchema>, "feedback"> & {
  key: z.infer<typeof feedbackSchema>["expected"];
  trace: z.infer<typeof feedbackSchema>["keyMoment"] | null;
  summary: string;
};
export type StudentDrillDown = { student: { id: string; name: string; email: string }; attempts: DrillDownAttempt[] };

export async function studentDrillDown(caller: Caller, courseId: string, userId: string): Promise<StudentDrillDown> {
  const { course } = await authorizeCourse(caller, courseId);
  const db = getPrisma();
  const enrolment = await db.enrolment.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: idSchema.parse(userId) } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!enrolment) throw notFound("No such student in this course.");
  const rows = await db.$queryRaw<unknown[]>`
    SELECT t.id AS "attemptId", a.id AS "assessmentId", a.title AS "assessmentTitle", q.id AS "questionId", q.title AS "questionTitle",
      v.version, t.answer, t.feedback, t.correct, t.score, t.points, t.misconception, ${timeTakenSql(Prisma.sql`t."timeTakenMs"`)} AS "timeTakenMs", t."createdAt"
    FROM "Attempt" t
    JOIN "Assessment" a ON a.id = t."assessmentId"
    JOIN "Question" q ON q.id = t."questionId"
    JOIN "QuestionVersion" v ON v.id = t."questionVersionId"
    WHERE t."userId" = ${enrolment.user.id} AND a."courseId" = ${course.id}
    ORDER BY t."createdAt", t.id`;
  const attempts = z
    .array(rowSchema)
    .parse(rows)
    .map(({ feedback, ...r }) => ({ ...r, key: feedback.expected, trace: feedback.keyMoment ?? null, summary: feedback.summary }));
  return { student: enrolment.user, attempts };
}
