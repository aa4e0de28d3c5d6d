// Attempts export: one row per attempt, streamed in keyset pages of BATCH. A course's attempts
// come oldest first, keyed on (createdAt, id). One assessment's come by student, then oldest
// first, keyed on (userId, createdAt, id): the analytics index (assessmentId, userId, ...) hands
// them over in student order, so each page is an index range plus a small per-student sort
// instead of a sort of the whole assessment per page (1,054 -> see the bench for 20,000 rows).
// The answer is its JSON text; keys and feedback are not exported.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getPrisma, Prisma } from "@/lib/db/client";
import { authorizeAssessment, authorizeCourse } from "./access";
import { csvLine } from "./csv";
import { timeTakenSql } from "./time-taken";

const BATCH = 2000;

const rowSchema = z.object({
  id: z.string(),
  userId: z.string(),
  createdAt: z.date(),
  email: z.string(),
  assessment: z.string(),
  question: z.string(),
  version: z.number().int(),
  answer: z.string(),
  correct: z.boolean(),
  score: z.number(),
  points: z.number(),
  misconception: z.string().nullable(),
  timeTakenMs: z.number().int().nullable(),
});

/** `batch` is the page size (tests use a small one to cross page boundaries). */
export async function* attemptsCsv(caller: Caller, courseId: string, batch = BATCH): AsyncGenerator<string> {
  const { course } = await authorizeCourse(caller, courseId);
  yield* attemptRows(Prisma.sql`a."courseId" = ${course.id}`, batch);
}

/** The attempts of one assessment (GET /api/assessments/[id]/exports/attempts.csv). */
export async function* assessmentAttemptsCsv(caller: Caller, assessmentId: string, batch = BATCH): AsyncGenerator<string> {
  const { assessment } = await authorizeAssessment(caller, assessmentId);
  yield* attemptRows(Prisma.sql`t."assessmentId" = ${assessment.id}`, batch, true);
}

const HEADER = ["attempt", "submitted", "email", "assessment", "question", "version", "answer", "correct", "score", "points", "misconception", "timeTakenMs"];

async function* attemptRows(where: Prisma.Sql, batch: number, byStudent = false): AsyncGenerator<string> {
  const db = getPrisma();
  yield csvLine(HEADER);
  let after: { userId: string; createdAt: Date; id: string } | null = null;
  for (;;) {
    const keyset = byStudent
      ? Prisma.sql`(${after === null} OR (t."userId", t."createdAt", t.id) > (${after?.userId ?? ""}, ${after?.createdAt ?? new Date(0)}, ${after?.id ?? ""}))`
      : Prisma.sql`(${after === null} OR (t."createdAt", t.id) > (${after?.createdAt ?? new Date(0)}, ${after?.id ?? ""}))`;
    const order = byStudent ? Prisma.sql`t."userId", t."createdAt", t.id` : Prisma.sql`t."createdAt", t.id`;
    const page: z.infer<typeof rowSchema>[] = z.array(rowSchema).parse(
      await db.$queryRaw<unknown[]>`
        SELECT t.id, t."userId", t."createdAt", u.email, a.title AS assessment, q.slug AS question, v.version, t.answer::text AS answer,
          t.correct, t.score, t.points, t.misconception, ${timeTakenSql(Prisma.sql`t."timeTakenMs"`)} AS "timeTakenMs"
        FROM "Attempt" t
        JOIN "Assessment" a ON a.id = t."assessmentId"
        JOIN "User" u ON u.id = t."userId"
        JOIN "Question" q ON q.id = t."questionId"
        JOIN "QuestionVersion" v ON v.id = t."questionVersionId"
        WHERE ${where}
          AND ${keyset}
        ORDER BY ${order} LIMIT ${batch}`,
    );
    for (const r of page) {
      yield csvLine([r.id, r.createdAt, r.email, r.assessment, r.question, r.version, r.answer, r.correct, r.score, r.points, r.misconception, r.timeTakenMs]);
    }
    if (page.length < batch) return;
    const last = page[page.length - 1];
    after = { userId: last.userId, createdAt: last.createdAt, id: last.id };
  }
}
