// Regrade apply: the plan of preview.ts written in one transaction. Every attempt graded with an
// older version moves to the new one with its new grade; a Regrade row records who and when, and
// a RegradeChange row each score that changed. An attempt is updated only if it still has the
// version the plan read (a concurrent regrade makes this one fail whole, with nothing written).
// Applying again finds no older attempts and writes nothing: apply is idempotent.
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { conflict } from "@/lib/http/errors";
import { planRegrade, type AttemptChange, type StudentChange } from "./preview";

export type RegradeResult = {
  /** null when nothing was graded with an older version (nothing written). */
  regradeId: string | null;
  moved: number;
  changes: AttemptChange[];
  students: StudentChange[];
};

export async function applyRegrade(caller: Caller, assessmentId: string, questionId: string, toVersion: number, now = new Date()): Promise<RegradeResult> {
  const plan = await planRegrade(caller, assessmentId, questionId, toVersion);
  if (plan.notRegradable.length > 0) {
    throw conflict(`${plan.notRegradable.length} attempt(s) cannot be graded under version ${toVersion}; fix the template first. ${plan.notRegradable[0].reason}`);
  }
  if (plan.regraded.length === 0) return { regradeId: null, moved: 0, changes: [], students: [] };
  const db = getPrisma();
  const regradeId = await db.$transaction(
    async (tx) => {
      for (const r of plan.regraded) {
        const updated = await tx.attempt.updateMany({
          where: { id: r.attemptId, questionVersionId: r.fromVersionId },
          data: {
            questionVersionId: plan.toVersionId,
            score: r.score,
            correct: r.correct,
            points: r.points,
            feedback: r.feedback,
            misconception: r.misconception,
            gradedAt: now,
          },
        });
        if (updated.count !== 1) throw conflict("These attempts changed while regrading (another regrade?). Preview again.");
      }
      const regrade = await tx.regrade.create({
        data: {
          assessmentId: plan.assessmentId,
          questionId: plan.questionId,
          fromVersion: Math.min(...plan.regraded.map((r) => r.fromVersion)),
          toVersion: plan.toVersion,
          byUserId: caller.id,
          createdAt: now,
        },
      });
      if (plan.changes.length > 0) {
        await tx.regradeChange.createMany({
          data: plan.changes.map((c) => ({
            regradeId: regrade.id,
            attemptId: c.attemptId,
            oldScore: c.oldScore,
            newScore: c.newScore,
            oldCorrect: c.oldCorrect,
            newCorrect: c.newCorrect,
          })),
        });
      }
      return regrade.id;
    },
    { timeout: 60_000 },
  );
  return { regradeId, moved: plan.regraded.length, changes: plan.changes, students: plan.students };
}
