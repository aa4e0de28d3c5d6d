// The caller's own attempts (GET /api/attempts and the results page). The user id is in the
// `where`; score and feedback appear per attempt only when its assessment is released.
import type { Caller } from "@/lib/auth/caller";
import { isReleased } from "@/lib/assessments/release";
import { getPrisma } from "@/lib/db/client";
import { definitionOf, variantOf } from "./keys";
import { attemptResult, type AttemptResult } from "./results";

export type AttemptListItem = AttemptResult & {
  assessmentId: string | null;
  questionId: string;
  questionTitle: string;
  mechanism: string;
  questionVersion: number;
  attemptNumber: number;
  pythonVersion: string;
  answer: unknown;
  createdAt: string;
  timeTakenMs: number | null;
};

export async function listMyAttempts(caller: Caller, options: { assessmentId?: string; limit?: number } = {}, now = new Date()): Promise<AttemptListItem[]> {
  const rows = await getPrisma().attempt.findMany({
    where: { userId: caller.id, ...(options.assessmentId ? { assessmentId: options.assessmentId } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 100,
    include: {
      question: { select: { title: true, mechanism: true } },
      questionVersion: { select: { version: true } },
      variant: { select: { attemptNumber: true } },
      assessmentQuestion: { select: { points: true } },
      assessment: { select: { kind: true, releasePolicy: true, closesAt: true, sittings: { where: { userId: caller.id }, select: { finishedAt: true, deadlineAt: true } } } },
    },
  });
  return rows.map((r) => {
    const released = r.assessment ? isReleased(r.assessment, r.assessment.sittings[0] ?? null, now) : true;
    return {
      ...attemptResult(r, r.assessmentQuestion?.points ?? 1, released),
      assessmentId: r.assessmentId,
      questionId: r.questionId,
      questionTitle: r.question.title,
      mechanism: r.question.mechanism,
      questionVersion: r.questionVersion.version,
      attemptNumber: r.variant.attemptNumber,
      pythonVersion: r.pythonVersion,
      answer: r.answer,
      createdAt: r.createdAt.toISOString(),
      timeTakenMs: r.timeTakenMs,
    };
  });
}

export type LastAttempt = {
  result: AttemptResult;
  attemptNumber: number;
  /** The code the student answered (their variant's, which may differ from the next attempt's). */
  code: string;
  answer: unknown;
  createdAt: string;
};

/** The caller's latest attempt at one question of an assessment, shaped by the release rule. */
export async function lastAttempt(caller: Caller, assessmentId: string, questionId: string, now = new Date()): Promise<LastAttempt | null> {
  const r = await getPrisma().attempt.findFirst({
    where: { userId: caller.id, assessmentId, questionId },
    orderBy: { createdAt: "desc" },
    include: {
      questionVersion: { select: { id: true, definition: true } },
      variant: { select: { attemptNumber: true } },
      assessmentQuestion: { select: { points: true } },
      assessment: { select: { kind: true, releasePolicy: true, closesAt: true, sittings: { where: { userId: caller.id }, select: { finishedAt: true, deadlineAt: true } } } },
    },
  });
  if (!r) return null;
  const released = r.assessment ? isReleased(r.assessment, r.assessment.sittings[0] ?? null, now) : true;
  const variant = variantOf(definitionOf(r.questionVersion), r.seed);
  return {
    result: attemptResult(r, r.assessmentQuestion?.points ?? 1, released),
    attemptNumber: r.variant.attemptNumber,
    code: variant.code,
    answer: r.answer,
    createdAt: r.createdAt.toISOString(),
  };
}
