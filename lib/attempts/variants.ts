// Issuing variants. A student's k-th attempt at a slot is graded against the k-th Variant row:
// its seed is variantSeed(user, question, k) and it pins the QuestionVersion current when it was
// issued, so an edit to the question mid-assessment does not change what the student is
// answering, and a regrade knows exactly what they saw. Rows are created on first sight and
// reused after, so reloading a question shows the same variant.
import type { Caller } from "@/lib/auth/caller";
import { loadStudentAssessment, slotOf, type StudentAssessment } from "@/lib/assessments/access";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, HttpError } from "@/lib/http/errors";
import { toStudentView, type StudentView } from "@/lib/grading/student-view";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import { variantSeed } from "@/lib/questions/variant";
import { definitionOf, variantOf } from "./keys";
import { pythonVersionSchema } from "./schema";

export function pythonOf(assessment: { pythonVersion: string }): PythonVersion {
  const parsed = pythonVersionSchema.safeParse(assessment.pythonVersion);
  if (!parsed.success) throw new HttpError("internal", `assessment has an unknown Python version ${assessment.pythonVersion}`);
  return parsed.data;
}

type Slot = ReturnType<typeof slotOf>;

/**
 * The Variant row for the caller's current attempt at a slot (attempts stored + 1), created if
 * needed, with the number of attempts already stored. Once the attempt limit is used up, the
 * last answered variant is returned (read only).
 */
export async function currentVariantRow(userId: string, loaded: StudentAssessment, slot: Slot) {
  const db = getPrisma();
  // Attempts are numbered 1..n at a slot (unique index): the largest number is the count, read from the index.
  const answered = (await db.attempt.aggregate({ where: { userId, assessmentQuestionId: slot.id }, _max: { attemptNumber: true } }))._max.attemptNumber ?? 0;
  const max = loaded.assessment.maxAttempts;
  const attemptNumber = max !== null && answered >= max && answered > 0 ? answered : answered + 1;
  const where = { userId_assessmentQuestionId_attemptNumber: { userId, assessmentQuestionId: slot.id, attemptNumber } };
  const existing = await db.variant.findUnique({ where, include: { questionVersion: true } });
  if (existing) return { ...existing, answered };
  const question = await db.question.findUniqueOrThrow({ where: { id: slot.questionId }, select: { currentVersion: true } });
  const version = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: slot.questionId, version: question.currentVersion } } });
  try {
    const created = await db.variant.create({
      data: {
        userId,
        questionId: slot.questionId,
        questionVersionId: version.id,
        assessmentQuestionId: slot.id,
        attemptNumber,
        // The column is int4; the PRNG reads the seed as unsigned (>>> 0), so storing the signed
        // view of the same 32 bits gives the same variant.
        seed: variantSeed(userId, slot.questionId, attemptNumber) | 0,
        pythonVersion: pythonOf(loaded.assessment),
      },
      include: { questionVersion: true },
    });
    return { ...created, answered };
  } catch (error) {
    // Two tabs opened the question at once: the first row stands, both show it.
    if (!isUniqueViolation(error)) throw error;
    return { ...(await db.variant.findUniqueOrThrow({ where, include: { questionVersion: true } })), answered };
  }
}

export type VariantDto = {
  assessmentId: string;
  questionId: string;
  attemptNumber: number;
  attemptsUsed: number;
  attemptsLeft: number | null;
  pythonVersion: string;
  points: number;
  /** Prompt, code and what the answer widget needs: never the key nor anything simulated. */
  question: StudentView;
};

export async function getVariant(caller: Caller, assessmentId: string, questionId: string, now = new Date()): Promise<VariantDto> {
  const loaded = await loadStudentAssessment(caller, assessmentId, now);
  const slot = slotOf(loaded, questionId);
  // A quiz's questions are shown only once its clock runs, or the limit could be dodged by
  // reading everything before pressing Start.
  if (loaded.assessment.kind === "QUIZ" && !loaded.sitting && now.getTime() < loaded.assessment.closesAt.getTime()) {
    throw conflict("Start the quiz first: its time limit runs from the start.");
  }
  const row = await currentVariantRow(caller.id, loaded, slot);
  const definition = definitionOf(row.questionVersion);
  const variant = variantOf(definition, row.seed);
  const used = row.answered;
  const max = loaded.assessment.maxAttempts;
  return {
    assessmentId,
    questionId,
    attemptNumber: row.attemptNumber,
    attemptsUsed: used,
    attemptsLeft: max === null ? null : Math.max(0, max - used),
    pythonVersion: row.pythonVersion,
    points: slot.points,
    question: toStudentView(definition, variant),
  };
}
