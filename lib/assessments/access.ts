// Loading an assessment for a student: the caller's enrolment as a STUDENT and the assessment's
// publication are part of the `where`, so there is no window between "may they?" and the row.
// Staff do not answer questions here; their views of an assessment live with the authoring pages.
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { conflict, forbidden, notFound } from "@/lib/http/errors";
import { assignedSlots } from "./pools";

export type OpenState = "upcoming" | "open" | "closed";

export function openState(a: { opensAt: Date; closesAt: Date }, now: Date): OpenState {
  if (now.getTime() < a.opensAt.getTime()) return "upcoming";
  return now.getTime() < a.closesAt.getTime() ? "open" : "closed";
}

export async function loadStudentAssessment(caller: Caller, assessmentId: string, now: Date) {
  const db = getPrisma();
  const assessment = await db.assessment.findFirst({
    where: { id: assessmentId, publishedAt: { not: null, lte: now }, course: { enrolments: { some: { userId: caller.id, role: "STUDENT" } } } },
    include: {
      course: { select: { id: true, title: true } },
      questions: { include: { question: { select: { id: true, slug: true, title: true, mechanism: true } } } },
      sittings: { where: { userId: caller.id } },
    },
  });
  if (!assessment) {
    const exists = await db.assessment.findUnique({ where: { id: assessmentId }, select: { id: true } });
    throw exists ? forbidden("This assessment is not open to you: only students enrolled in its course can answer it.") : notFound("No such assessment.");
  }
  const { questions, sittings, ...rest } = assessment;
  return { assessment: rest, slots: assignedSlots(caller.id, assessment.id, questions), sitting: sittings[0] ?? null };
}

export type StudentAssessment = Awaited<ReturnType<typeof loadStudentAssessment>>;

/** The caller's slot for a question of the assessment; a question outside their slots is 403. */
export function slotOf(loaded: StudentAssessment, questionId: string) {
  const slot = loaded.slots.find((s) => s.questionId === questionId);
  if (!slot) throw forbidden("This question is not part of your assessment.");
  return slot;
}

/**
 * Whether the caller may answer now, by the server's clock: open, and for a quiz a started sitting
 * whose deadline has not passed. Each refusal says why, for the API's JSON and the page.
 */
export function assertAnswerable(loaded: StudentAssessment, now: Date): void {
  const { assessment, sitting } = loaded;
  const state = openState(assessment, now);
  if (state === "upcoming") throw forbidden("This assessment has not opened yet.");
  if (state === "closed") throw forbidden("This assessment is closed.");
  if (assessment.kind !== "QUIZ") return;
  if (!sitting) throw conflict("Start the quiz first: its time limit runs from the start.");
  if (sitting.finishedAt) throw conflict("You have handed in this quiz.");
  if (sitting.deadlineAt && now.getTime() >= sitting.deadlineAt.getTime()) throw conflict("The time limit for this quiz has passed.");
}
