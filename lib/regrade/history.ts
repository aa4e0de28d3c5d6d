// What the regrade page reads: the questions of an assessment with their versions (which one the
// attempts were graded with, which is newest), and the record of past regrades (who, when, which
// versions, whose score changed and how). Course readers (INSTRUCTOR and TA) may read both; only
// preview and apply are the INSTRUCTOR's.
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { authorizeAssessment } from "@/lib/analytics/access";

export type RegradeQuestion = {
  questionId: string;
  title: string;
  position: number;
  currentVersion: number;
  versions: { version: number; createdAt: Date; attempts: number }[];
};

export async function regradeQuestions(caller: Caller, assessmentId: string): Promise<RegradeQuestion[]> {
  const { assessment } = await authorizeAssessment(caller, assessmentId);
  const db = getPrisma();
  const slots = await db.assessmentQuestion.findMany({
    where: { assessmentId: assessment.id },
    orderBy: { position: "asc" },
    select: {
      position: true,
      question: {
        select: {
          id: true,
          title: true,
          currentVersion: true,
          versions: { orderBy: { version: "asc" }, select: { id: true, version: true, createdAt: true } },
        },
      },
    },
  });
  const counts = await db.attempt.groupBy({ by: ["questionVersionId"], where: { assessmentId: assessment.id }, _count: { _all: true } });
  const attemptsOf = new Map(counts.map((c) => [c.questionVersionId, c._count._all]));
  const seen = new Set<string>();
  const out: RegradeQuestion[] = [];
  for (const { position, question: q } of slots) {
    if (seen.has(q.id)) continue; // a question in two slots (pools) is regraded once
    seen.add(q.id);
    out.push({
      questionId: q.id,
      title: q.title,
      position,
      currentVersion: q.currentVersion,
      versions: q.versions.map((v) => ({ version: v.version, createdAt: v.createdAt, attempts: attemptsOf.get(v.id) ?? 0 })),
    });
  }
  return out;
}

export type RegradeRecord = {
  id: string;
  createdAt: Date;
  by: { name: string; email: string };
  question: { id: string; title: string };
  fromVersion: number;
  toVersion: number;
  changes: { attemptId: string; student: { id: string; name: string }; oldScore: number; newScore: number; oldCorrect: boolean; newCorrect: boolean }[];
};

/** Past regrades of the assessment, newest first. */
export async function regradeHistory(caller: Caller, assessmentId: string): Promise<RegradeRecord[]> {
  const { assessment } = await authorizeAssessment(caller, assessmentId);
  const rows = await getPrisma().regrade.findMany({
    where: { assessmentId: assessment.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      createdAt: true,
      fromVersion: true,
      toVersion: true,
      by: { select: { name: true, email: true } },
      question: { select: { id: true, title: true } },
      changes: {
        orderBy: { attemptId: "asc" },
        select: {
          attemptId: true,
          oldScore: true,
          newScore: true,
          oldCorrect: true,
          newCorrect: true,
          attempt: { select: { user: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    by: r.by,
    question: r.question,
    fromVersion: r.fromVersion,
    toVersion: r.toVersion,
    changes: r.changes.map(({ attempt, ...c }) => ({ ...c, student: attempt.user })),
  }));
}
