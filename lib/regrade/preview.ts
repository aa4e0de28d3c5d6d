// Regrade preview: every attempt at one question of one assessment that was graded with an older
// version is graded again under `toVersion`: the key recomputed from the new definition with the
// attempt's own seed and Python version (lib/grading via the attempt path's key cache), the stored
// answer re-parsed and re-graded. Nothing is written. The result lists only the attempts whose
// score or correctness changes, and each student whose counted slot score (per the assessment's
// policy, lib/assessments/scoring) changes with them.
import type { Caller } from "@/lib/auth/caller";
import { pointsFor, slotScore } from "@/lib/assessments/scoring";
import { definitionOf, keyForAsync, variantOf } from "@/lib/attempts/keys";
import { pythonOf } from "@/lib/attempts/variants";
import { getPrisma } from "@/lib/db/client";
import { grade, parseAnswer } from "@/lib/grading";
import { notFound } from "@/lib/http/errors";
import { z } from "zod";
import { authorizeAssessment, EDITORS, idSchema } from "@/lib/analytics/access";

export const regradeInputSchema = z.object({
  assessmentId: idSchema,
  questionId: idSchema,
  toVersion: z.number().int().min(1),
});

export type AttemptChange = {
  attemptId: string;
  userId: string;
  fromVersion: number;
  oldScore: number;
  newScore: number;
  oldCorrect: boolean;
  newCorrect: boolean;
};
export type StudentChange = { userId: string; slotId: string; oldScore: number | null; newScore: number | null };
/** An attempt that cannot be regraded (no key under the new version, or an answer it cannot parse). */
export type NotRegradable = { attemptId: string; reason: string };

/** One regraded attempt, kept for apply: its new grade and the version it moves from. */
export type Regraded = {
  attemptId: string;
  fromVersionId: string;
  fromVersion: number;
  oldScore: number;
  oldCorrect: boolean;
  score: number;
  correct: boolean;
  points: number;
  feedback: object;
  misconception: string | null;
};

export type RegradePreview = {
  assessmentId: string;
  questionId: string;
  toVersion: number;
  toVersionId: string;
  /** Attempts graded with an older version (all of them move to toVersion on apply). */
  considered: number;
  changes: AttemptChange[];
  students: StudentChange[];
  notRegradable: NotRegradable[];
};

export type RegradePlan = RegradePreview & { regraded: Regraded[] };

export async function previewRegrade(caller: Caller, assessmentId: string, questionId: string, toVersion: number): Promise<RegradePreview> {
  const { regraded: _omit, ...preview } = await planRegrade(caller, assessmentId, questionId, toVersion);
  return preview;
}

/** The preview plus every regraded attempt's new grade (what apply writes). */
export async function planRegrade(caller: Caller, assessmentId: string, questionId: string, toVersion: number): Promise<RegradePlan> {
  const input = regradeInputSchema.parse({ assessmentId, questionId, toVersion });
  const { assessment } = await authorizeAssessment(caller, input.assessmentId, EDITORS);
  const db = getPrisma();
  const target = await db.questionVersion.findUnique({ where: { questionId_version: { questionId: input.questionId, version: input.toVersion } } });
  if (!target) throw notFound("No such version of this question.");
  const slots = await db.assessmentQuestion.findMany({ where: { assessmentId: assessment.id, questionId: input.questionId }, select: { id: true, points: true } });
  if (slots.length === 0) throw notFound("This question is not part of the assessment.");
  const pointsOf = new Map(slots.map((s) => [s.id, s.points]));

  const attempts = await db.attempt.findMany({
    where: { assessmentId: assessment.id, questionId: input.questionId, questionVersion: { version: { lt: input.toVersion } } },
    select: {
      id: true, userId: true, assessmentQuestionId: true, questionVersionId: true, seed: true, pythonVersion: true,
      answer: true, score: true, correct: true, questionVersion: { select: { version: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

  const definition = definitionOf(target);
  const regraded: Regraded[] = [];
  const notRegradable: NotRegradable[] = [];
  for (const a of attempts) {
    const variant = variantOf(definition, a.seed);
    // On the grading pool (lib/grading-pool), like the attempt path: never on the request thread.
    const key = await keyForAsync(target.id, definition, variant, pythonOf(a));
    if (!key.ok) {
      notRegradable.push({ attemptId: a.id, reason: `no key under version ${input.toVersion}: ${key.error.code} ${key.error.message}` });
      continue;
    }
    const parsed = parseAnswer(definition, variant, a.answer);
    if (!parsed.ok) {
      notRegradable.push({ attemptId: a.id, reason: `the stored answer does not fit version ${input.toVersion}: ${parsed.errors.join("; ")}` });
      continue;
    }
    const g = grade(definition, variant, parsed.answer, key.key);
    regraded.push({
      attemptId: a.id,
      fromVersionId: a.questionVersionId,
      fromVersion: a.questionVersion.version,
      oldScore: a.score,
      oldCorrect: a.correct,
      score: g.score,
      correct: g.correct,
      points: pointsFor(g.score, pointsOf.get(a.assessmentQuestionId ?? "") ?? 0),
      // The same feedback shape the attempt path stores (lib/attempts/submit.ts).
      feedback: JSON.parse(
        JSON.stringify({
          summary: g.feedback.summary,
          expected: g.expected,
          ...(g.misconception ? { misconception: g.misconception } : {}),
          ...(g.feedback.keyMoment ? { keyMoment: g.feedback.keyMoment } : {}),
        }),
      ),
      misconception: g.misconception?.id ?? null,
    });
  }

  const byId = new Map(attempts.map((a) => [a.id, a]));
  const changes: AttemptChange[] = regraded
    .filter((r) => r.score !== r.oldScore || r.correct !== r.oldCorrect)
    .map((r) => ({
      attemptId: r.attemptId,
      userId: byId.get(r.attemptId)?.userId ?? "",
      fromVersion: r.fromVersion,
      oldScore: r.oldScore,
      newScore: r.score,
      oldCorrect: r.oldCorrect,
      newCorrect: r.correct,
    }));

  // Counted scores: every attempt of each touched (student, slot), before and after.
  const touched = [...new Set(changes.map((c) => byId.get(c.attemptId)?.userId ?? ""))];
  const all = await db.attempt.findMany({
    where: { assessmentId: assessment.id, questionId: input.questionId, userId: { in: touched } },
    select: { id: true, userId: true, assessmentQuestionId: true, score: true, createdAt: true },
  });
  const newScore = new Map(regraded.map((r) => [r.attemptId, r.score]));
  const groups = new Map<string, typeof all>();
  for (const a of all) {
    const k = `${a.userId}\u0000${a.assessmentQuestionId ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const students: StudentChange[] = [];
  for (const rows of groups.values()) {
    const before = slotScore(rows, assessment.scorePolicy);
    const after = slotScore(rows.map((r) => ({ ...r, score: newScore.get(r.id) ?? r.score })), assessment.scorePolicy);
    if (before !== after) students.push({ userId: rows[0].userId, slotId: rows[0].assessmentQuestionId ?? "", oldScore: before, newScore: after });
  }
  students.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));

  return {
    assessmentId: assessment.id,
    questionId: input.questionId,
    toVersion: input.toVersion,
    toVersionId: target.id,
    considered: attempts.length,
    changes,
    students,
    notRegradable,
    regraded,
  };
}
