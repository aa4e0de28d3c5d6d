// The per-assessment facts the submission path needs, shared by every student of the assessment:
// the assessment row, its slots, and the current version (id and definition) of each slot's
// question. At a quiz's start hundreds of students submit against the same few rows, so they are
// read once per TTL per process instead of once per request.
//
// Staleness is bounded by TTL_MS (2 s): a change of dates, attempt limit, release policy,
// publication or a question's current version reaches submissions within that time, and at once
// in this process through forgetAssessment(). Nothing per-student is cached here: enrolment,
// sitting, attempts and the idempotency key are read on every request (./submit.ts).
import { getPrisma } from "@/lib/db/client";

const TTL_MS = 2_000;
const MAX_ENTRIES = 1_000;

async function load(assessmentId: string) {
  const db = getPrisma();
  const assessment = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      course: { select: { id: true, title: true } },
      questions: { include: { question: { select: { id: true, slug: true, title: true, mechanism: true, currentVersion: true } } } },
    },
  });
  if (!assessment) return null;
  const { questions, ...rest } = assessment;
  const versions = questions.length
    ? await db.questionVersion.findMany({
        where: { OR: questions.map((q) => ({ questionId: q.questionId, version: q.question.currentVersion })) },
        select: { id: true, questionId: true, definition: true },
      })
    : [];
  return {
    assessment: rest,
    // The shape loadStudentAssessment gives its slots (lib/assessments/access.ts), so the same
    // rules (assignedSlots, slotOf, assertAnswerable) apply unchanged.
    questions: questions.map(({ question: { currentVersion: _current, ...question }, ...slot }) => ({ ...slot, question })),
    currentVersion: new Map(versions.map((v) => [v.questionId, v])),
  };
}

export type AssessmentShape = NonNullable<Awaited<ReturnType<typeof load>>>;

type Entry = { at: number; value: Promise<AssessmentShape | null> };
const entries = new Map<string, Entry>();

/** The cached facts of an assessment (null: no such assessment), at most TTL_MS old. */
export function assessmentShape(assessmentId: string, nowMs = Date.now()): Promise<AssessmentShape | null> {
  const hit = entries.get(assessmentId);
  if (hit && nowMs - hit.at < TTL_MS) return hit.value;
  // Concurrent requests share one load; a failed load (database down) is not remembered.
  const value = load(assessmentId);
  entries.set(assessmentId, { at: nowMs, value });
  value.catch(() => {
    if (entries.get(assessmentId)?.value === value) entries.delete(assessmentId);
  });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** Drops an assessment's cached facts in this process (call after editing it). */
export function forgetAssessment(assessmentId: string): void {
  entries.delete(assessmentId);
}
