// A student's progress through the lessons: which inline checks they answered correctly, and when
// a lesson's checks were all done. One row per (user, lesson); the user id always comes from the
// caller, never from a form, so nobody can write another student's progress.
import type { PrismaClient } from "@/lib/db/client";
import type { LessonSlug } from "./meta";

export interface LessonProgressView {
  checksDone: string[];
  completed: boolean;
}

/**
 * Adds a correctly answered check, atomically: two submissions racing each other (two tabs)
 * both land, where a read-modify-write would drop one. The lesson is completed when every one of
 * `allCheckIds` is done; the first completion time is kept.
 */
export async function recordCheckDone(db: PrismaClient, userId: string, lesson: LessonSlug, checkId: string, allCheckIds: string[]): Promise<LessonProgressView> {
  const rows = await db.$queryRaw<{ checksDone: string[]; completedAt: Date | null }[]>`
    INSERT INTO "LessonProgress" ("id", "userId", "lessonSlug", "checksDone", "updatedAt")
    VALUES (${crypto.randomUUID()}, ${userId}, ${lesson}, ARRAY[${checkId}]::text[], now())
    ON CONFLICT ("userId", "lessonSlug") DO UPDATE SET
      "checksDone" = CASE WHEN ${checkId} = ANY("LessonProgress"."checksDone") THEN "LessonProgress"."checksDone"
                          ELSE array_append("LessonProgress"."checksDone", ${checkId}) END,
      "updatedAt" = now()
    RETURNING "checksDone", "completedAt"`;
  const row = rows[0];
  const done = new Set(row.checksDone);
  const complete = allCheckIds.every((id) => done.has(id));
  if (complete && !row.completedAt) {
    // Only the first completion sets the time, even if two requests get here together.
    await db.lessonProgress.updateMany({ where: { userId, lessonSlug: lesson, completedAt: null }, data: { completedAt: new Date() } });
  }
  return { checksDone: row.checksDone, completed: complete };
}

/** Progress of one user on every lesson they started. */
export async function progressOf(db: PrismaClient, userId: string): Promise<Map<string, LessonProgressView>> {
  const rows = await db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true, checksDone: true, completedAt: true } });
  return new Map(rows.map((r) => [r.lessonSlug, { checksDone: r.checksDone, completed: r.completedAt !== null }]));
}
