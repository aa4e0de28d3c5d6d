// Grading a lesson's inline check through the exercises' own path (lib/grading): a fixed variant
// per check, the key computed by the simulator (or, for concept questions, from the definition),
// the answer parsed by the same schemas. What leaves this module is a student view before grading
// and a verdict after it; never the definition.
import { computeKeyWith, grade, parseAnswer, toStudentView, type StudentView } from "@/lib/grading";
import type { Simulator } from "@/lib/grading/simulator";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { hash32, makeVariant, type Variant } from "@/lib/questions/variant";
import { allChecks, type LessonCheck } from "./checks";
import { DEFAULT_PYTHON } from "./props";

/** Every student sees the same variant of a check: it is practice, not an assessment. */
export function checkVariant(definition: QuestionDefinition): Variant {
  return makeVariant(definition, hash32(`lesson-check:${definition.slug}`));
}

/** The version a check is graded under: the lessons' default unless the check is about another. */
export function checkPython(definition: QuestionDefinition): PythonVersion {
  const allowed = definition.pythonVersions;
  return !allowed || allowed.includes(DEFAULT_PYTHON) ? DEFAULT_PYTHON : allowed[0];
}

export function findCheck(id: string): LessonCheck | null {
  return allChecks().get(id) ?? null;
}

export interface CheckView {
  id: string;
  lesson: string;
  python: PythonVersion;
  view: StudentView;
}

export function checkView(id: string): CheckView | null {
  const c = findCheck(id);
  if (!c) return null;
  return { id, lesson: c.lesson, python: checkPython(c.definition), view: toStudentView(c.definition, checkVariant(c.definition)) };
}

export type CheckVerdict =
  | { status: "graded"; correct: boolean; summary: string; misconception?: string }
  | { status: "invalid"; message: string }
  | { status: "not-gradable"; message: string };

export function gradeCheck(sim: Simulator, id: string, input: unknown): CheckVerdict {
  const c = findCheck(id);
  if (!c) return { status: "invalid", message: "There is no such check." };
  const variant = checkVariant(c.definition);
  const parsed = parseAnswer(c.definition, variant, input);
  if (!parsed.ok) return { status: "invalid", message: parsed.errors.join("; ") };
  const key = computeKeyWith(sim, c.definition, variant, checkPython(c.definition));
  if (!key.ok) return { status: "not-gradable", message: "This check cannot be graded right now; your answer was not counted." };
  const result = grade(c.definition, variant, parsed.answer, key.key);
  return {
    status: "graded",
    correct: result.correct,
    summary: result.feedback.summary,
    ...(result.misconception ? { misconception: `${result.misconception.title}: ${result.misconception.explanation}` } : {}),
  };
}
