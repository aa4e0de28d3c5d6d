// Quiz sittings: the time limit runs from the student's start, by the server's clock, and is
// capped at the close date. Starting twice returns the first sitting (a reload or a second tab
// must not reset the clock).
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, forbidden } from "@/lib/http/errors";
import { loadStudentAssessment, openState } from "./access";

export function deadlineFor(startedAt: Date, timeLimitMinutes: number | null, closesAt: Date): Date {
  if (timeLimitMinutes === null) return closesAt;
  return new Date(Math.min(startedAt.getTime() + timeLimitMinutes * 60_000, closesAt.getTime()));
}

export type SittingView = { startedAt: string; deadlineAt: string | null; finishedAt: string | null };

export function sittingView(s: { startedAt: Date; deadlineAt: Date | null; finishedAt: Date | null }): SittingView {
  return { startedAt: s.startedAt.toISOString(), deadlineAt: s.deadlineAt?.toISOString() ?? null, finishedAt: s.finishedAt?.toISOString() ?? null };
}

export async function startSitting(caller: Caller, assessmentId: string, now = new Date()): Promise<{ sitting: SittingView; started: boolean }> {
  const loaded = await loadStudentAssessment(caller, assessmentId, now);
  const { assessment } = loaded;
  if (assessment.kind !== "QUIZ") throw conflict("Only a quiz is started; homework is answered question by question.");
  if (loaded.sitting) return { sitting: sittingView(loaded.sitting), started: false };
  const state = openState(assessment, now);
  if (state !== "open") throw forbidden(state === "upcoming" ? "This quiz has not opened yet." : "This quiz is closed.");
  const data = { assessmentId, userId: caller.id, startedAt: now, deadlineAt: deadlineFor(now, assessment.timeLimitMinutes, assessment.closesAt) };
  try {
    return { sitting: sittingView(await getPrisma().sitting.create({ data })), started: true };
  } catch (error) {
    // Two tabs pressed Start at once: the other one's sitting stands.
    if (!isUniqueViolation(error)) throw error;
    const existing = await getPrisma().sitting.findUniqueOrThrow({ where: { assessmentId_userId: { assessmentId, userId: caller.id } } });
    return { sitting: sittingView(existing), started: false };
  }
}

/** Hands a quiz in early: no more answers, and AFTER_SUBMISSION feedback is released. */
export async function finishSitting(caller: Caller, assessmentId: string, now = new Date()): Promise<SittingView> {
  const loaded = await loadStudentAssessment(caller, assessmentId, now);
  if (!loaded.sitting) throw conflict("This quiz was not started.");
  if (loaded.sitting.finishedAt) return sittingView(loaded.sitting);
  const updated = await getPrisma().sitting.update({ where: { id: loaded.sitting.id }, data: { finishedAt: now } });
  return sittingView(updated);
}
