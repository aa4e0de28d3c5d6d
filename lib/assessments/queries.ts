// What a student sees of their assessments: the list (to do / upcoming / done, with scores under
// the score policy) and one assessment's questions. Scores appear only where the release rule
// (./release.ts) says so; until then the student sees that they answered, not how well.
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import type { AssessmentKind, ReleasePolicy, ScorePolicy } from "@/lib/db/generated/enums";
import { loadStudentAssessment, openState, type OpenState } from "./access";
import { assignedSlots } from "./pools";
import { isReleased } from "./release";
import { slotScore, total } from "./scoring";
import { sittingView, type SittingView } from "./sittings";

export type AssessmentSummary = {
  id: string;
  title: string;
  courseTitle: string;
  kind: AssessmentKind;
  state: OpenState;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number | null;
  questionCount: number;
  answeredCount: number;
  released: boolean;
  /** Earned points under the score policy; null until released. */
  earned: number | null;
  possible: number;
  sitting: SittingView | null;
};

type SlotLike = { id: string; points: number };
type AttemptLike = { assessmentQuestionId: string | null; score: number; createdAt: Date };

function tally(slots: readonly SlotLike[], attempts: readonly AttemptLike[], policy: ScorePolicy) {
  const bySlot = new Map<string, AttemptLike[]>();
  for (const a of attempts) if (a.assessmentQuestionId) bySlot.set(a.assessmentQuestionId, [...(bySlot.get(a.assessmentQuestionId) ?? []), a]);
  const scored = slots.map((s) => ({ points: s.points, score: slotScore(bySlot.get(s.id) ?? [], policy) }));
  return { answered: scored.filter((s) => s.score !== null).length, ...total(scored), bySlot };
}

type HeadlineRow = {
  id: string;
  title: string;
  course: { title: string };
  kind: AssessmentKind;
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number | null;
};

/** The fields the list and the detail page share, so both say the same about one assessment. */
function headline(a: HeadlineRow, released: boolean, t: { earned: number; possible: number }, sitting: Parameters<typeof sittingView>[0] | null, now: Date) {
  return {
    id: a.id,
    title: a.title,
    courseTitle: a.course.title,
    kind: a.kind,
    state: openState(a, now),
    opensAt: a.opensAt.toISOString(),
    closesAt: a.closesAt.toISOString(),
    timeLimitMinutes: a.timeLimitMinutes,
    released,
    earned: released ? t.earned : null,
    possible: t.possible,
    sitting: sitting ? sittingView(sitting) : null,
  };
}

export async function listMyAssessments(caller: Caller, now = new Date()): Promise<AssessmentSummary[]> {
  const db = getPrisma();
  const rows = await db.assessment.findMany({
    where: { publishedAt: { not: null, lte: now }, course: { enrolments: { some: { userId: caller.id, role: "STUDENT" } } } },
    include: {
      course: { select: { title: true } },
      questions: { select: { id: true, position: true, poolKey: true, points: true } },
      sittings: { where: { userId: caller.id } },
      attempts: { where: { userId: caller.id }, select: { assessmentQuestionId: true, score: true, createdAt: true } },
    },
    orderBy: [{ closesAt: "asc" }, { title: "asc" }],
  });
  return rows.map((a) => {
    const slots = assignedSlots(caller.id, a.id, a.questions);
    const sitting = a.sittings[0] ?? null;
    const released = isReleased(a, sitting, now);
    const t = tally(slots, a.attempts, a.scorePolicy);
    return { ...headline(a, released, t, sitting, now), questionCount: slots.length, answeredCount: t.answered };
  });
}

export type SlotSummary = {
  questionId: string;
  title: string;
  mechanism: string;
  position: number;
  points: number;
  attempts: number;
  attemptsLeft: number | null;
  /** Under the score policy; null until released or unanswered. */
  score: number | null;
  lastCorrect: boolean | null;
};

export type AssessmentDetail = Omit<AssessmentSummary, "questionCount" | "answeredCount"> & {
  scorePolicy: ScorePolicy;
  releasePolicy: ReleasePolicy;
  maxAttempts: number | null;
  pythonVersion: string;
  /** The server's clock when this was read, so a countdown can correct the browser's clock. */
  serverNow: string;
  slots: SlotSummary[];
};

export async function assessmentDetail(caller: Caller, assessmentId: string, now = new Date()): Promise<AssessmentDetail> {
  const loaded = await loadStudentAssessment(caller, assessmentId, now);
  const { assessment: a, slots, sitting } = loaded;
  const attempts = await getPrisma().attempt.findMany({
    where: { userId: caller.id, assessmentId },
    select: { assessmentQuestionId: true, score: true, correct: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const released = isReleased(a, sitting, now);
  const t = tally(slots, attempts, a.scorePolicy);
  return {
    ...headline(a, released, t, sitting, now),
    scorePolicy: a.scorePolicy,
    releasePolicy: a.releasePolicy,
    maxAttempts: a.maxAttempts,
    pythonVersion: a.pythonVersion,
    serverNow: now.toISOString(),
    slots: slots.map((s) => {
      const mine = attempts.filter((x) => x.assessmentQuestionId === s.id);
      return {
        questionId: s.question.id,
        title: s.question.title,
        mechanism: s.question.mechanism,
        position: s.position,
        points: s.points,
        attempts: mine.length,
        attemptsLeft: a.maxAttempts === null ? null : Math.max(0, a.maxAttempts - mine.length),
        score: released ? slotScore(mine, a.scorePolicy) : null,
        lastCorrect: released && mine.length > 0 ? mine[mine.length - 1].correct : null,
      };
    }),
  };
}
