// Attempts export: one row per attempt in the course, oldest first, streamed in keyset pages of
// BATCH on (createdAt, id). The answer is its JSON text; keys and feedback are not exported.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { authorizeCourse } from "./access";
import { csvLine } from "./csv";

const BATCH = 2000;

const rowSchema = z.object({
  id: z.string(),
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
  const db = getPrisma();
  yield csvLine(["attempt", "submitted", "email", "assessment", "question", "version", "answer", "correct", "score", "points", "misconception", "timeTakenMs"]);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: z.infer<typeof rowSchema>[] = z.array(rowSchema).parse(
      await db.$queryRaw<unknown[]>`
        SELECT t.id, t."createdAt", u.email, a.title AS assessment, q.slug AS question, v.version, t.answer::text AS answer,
          t.correct, t.score, t.points, t.misconception, t."timeTakenMs"
        FROM "Attempt" t
        JOIN "Assessment" a ON a.id = t."assessmentId"
        JOIN "User" u ON u.id = t."userId"
        JOIN "Question" q ON q.id = t."questionId"
        JOIN "QuestionVersion" v ON v.id = t."questionVersionId"
        WHERE a."courseId" = ${course.id}
          AND (${after === null} OR (t."createdAt", t.id) > (${after?.createdAt ?? new Date(0)}, ${after?.id ?? ""}))
        ORDER BY t."createdAt", t.id LIMIT ${batch}`,
    );
    for (const r of page) {
      yield csvLine([r.id, r.createdAt, r.email, r.assessment, r.question, r.version, r.answer, r.correct, r.score, r.points, r.misconception, r.timeTakenMs]);
    }
    if (page.length < batch) return;
    const last = page[page.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}
