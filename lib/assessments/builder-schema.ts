// The assessment builder's input and its rules, pure (no database), so the form, the server
// action, the JSON API and the unit tests share one definition.
//
// Dates: the form's datetime-local fields carry no zone; the builder labels them UTC and they are
// read as UTC, like every date the course pages print. The API may send full ISO strings.
// Slots arrive from the form as one JSON hidden field (the list is edited in the browser:
// add, remove, reorder) and from the API as an array; both parse to the same shape.
import { z } from "zod";
import { PYTHON_VERSIONS } from "@/lib/courses/schema";

export const ASSESSMENT_KINDS = ["HOMEWORK", "QUIZ"] as const;
export const SCORE_POLICIES = ["BEST", "LAST"] as const;
export const RELEASE_POLICIES = ["IMMEDIATELY", "AFTER_SUBMISSION", "AFTER_CLOSE"] as const;

const DATE_ONLY_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** "2026-12-01T09:00" (UTC) or any ISO date-time with a zone. */
export function parseUtc(value: string): Date | null {
  const text = value.trim();
  if (text === "") return null;
  const date = new Date(DATE_ONLY_LOCAL.test(text) ? `${text}Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The value a datetime-local input shows for a date, in UTC. */
export function toUtcInput(date: Date): string {
  return date.toISOString().slice(0, 16);
}

const dateField = (label: string) =>
  z.union([z.string(), z.date()]).transform((value, ctx) => {
    const date = value instanceof Date ? value : parseUtc(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `Enter the ${label} date and time.` });
      return z.NEVER;
    }
    return date;
  });

/** An optional whole number: empty means "no limit" (null). */
const optionalCount = (max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
    z.number({ message }).int(message).min(1, message).max(max, message).nullable(),
  );

export const slotInputSchema = z.object({
  /** The slot's id when it exists already: keeps its attempts attached to it. */
  id: z.string().min(1).max(64).optional(),
  questionId: z.string({ message: "Pick a question." }).min(1, "Pick a question.").max(64),
  points: z.coerce.number({ message: "Points are a number." }).min(0.5, "At least 0.5 points.").max(100, "At most 100 points."),
  poolKey: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v ?? null),
    z.string().max(40, "A pool name has at most 40 characters.").regex(/^[\w .-]+$/, "Letters, digits, spaces, dots, dashes.").nullable(),
  ),
});
export type SlotInput = z.infer<typeof slotInputSchema>;

const slotsField = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}, z.array(slotInputSchema, { message: "The question list could not be read; reload the page." }).max(100, "At most 100 questions."));

export const assessmentInputSchema = z
  .object({
    courseId: z.string().min(1).max(64),
    /** Absent when creating. */
    assessmentId: z.string().min(1).max(64).optional(),
    title: z.string().trim().min(3, "Use at least 3 characters.").max(120, "Use at most 120 characters."),
    kind: z.enum(ASSESSMENT_KINDS, { message: "Choose homework or quiz." }),
    opensAt: dateField("opening"),
    closesAt: dateField("closing"),
    timeLimitMinutes: optionalCount(24 * 60, "A time limit is a whole number of minutes from 1 to 1440, or empty."),
    maxAttempts: optionalCount(100, "An attempt limit is a whole number from 1 to 100, or empty for unlimited."),
    scorePolicy: z.enum(SCORE_POLICIES, { message: "Choose best or last attempt." }),
    releasePolicy: z.enum(RELEASE_POLICIES, { message: "Choose when students see scores and answers." }),
    pythonVersion: z.enum(PYTHON_VERSIONS, { message: "Choose a Python version from 3.10 to 3.14." }),
    slots: slotsField,
  })
  .superRefine((a, ctx) => {
    if (a.closesAt.getTime() <= a.opensAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The close date must be after the open date." });
    }
    if (a.kind === "HOMEWORK" && a.timeLimitMinutes !== null) {
      ctx.addIssue({ code: "custom", path: ["timeLimitMinutes"], message: "Only quizzes have a time limit; leave it empty for homework." });
    }
    for (const issue of slotIssues(a.slots)) ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
  });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const publishSchema = z.object({
  courseId: z.string().min(1).max(64),
  assessmentId: z.string().min(1).max(64),
  publish: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Deleting a draft: the form's checkbox must be ticked, so one stray click deletes nothing. */
export const deleteAssessmentSchema = z.object({
  courseId: z.string().min(1).max(64),
  assessmentId: z.string().min(1).max(64),
  confirm: z.literal("on", { message: "Tick the box to confirm." }),
});

export type Issue = { path: string; message: string };

/**
 * Rules on the list itself. A question appears once (a student's page finds its slot by
 * question). The slots of a pool are alternatives, so they are worth the same points: which one
 * a student draws must not change what they can earn.
 */
export function slotIssues(slots: readonly SlotInput[]): Issue[] {
  const issues: Issue[] = [];
  const firstAt = new Map<string, number>();
  const poolPoints = new Map<string, number>();
  slots.forEach((s, i) => {
    const seen = firstAt.get(s.questionId);
    if (seen !== undefined) issues.push({ path: `slots.${i}.questionId`, message: `This question is already question ${seen + 1}.` });
    else firstAt.set(s.questionId, i);
    if (s.poolKey !== null) {
      const points = poolPoints.get(s.poolKey);
      if (points === undefined) poolPoints.set(s.poolKey, s.points);
      else if (points !== s.points) issues.push({ path: `slots.${i}.points`, message: `Every question of pool "${s.poolKey}" is worth the same: ${points} points.` });
    }
  });
  return issues;
}

export type ExistingSlot = { id: string; questionId: string; title: string; position: number; points: number; poolKey: string | null; attempts: number };
export type ExistingAssessment = { kind: (typeof ASSESSMENT_KINDS)[number]; pythonVersion: string; slots: readonly ExistingSlot[] };

export const REGRADE_HINT = "To fix a question students have answered, edit the question and regrade the assessment.";

/** The members of each pool, in position order: what assignedSlots (./pools.ts) hashes over. */
function poolMembers(slots: readonly { id?: string; poolKey: string | null }[]): Map<string, (string | undefined)[]> {
  const pools = new Map<string, (string | undefined)[]>();
  for (const s of slots) if (s.poolKey !== null) pools.set(s.poolKey, [...(pools.get(s.poolKey) ?? []), s.id]);
  return pools;
}

/**
 * What an edit may not change once students have answered, because past attempts would no longer
 * mean what they meant: a slot with attempts keeps its question, points and pool; a pool with
 * attempts keeps its members and their order (each student's draw is a hash over that list, so
 * a change would hand them a different question); the kind and Python version stay (sittings
 * and answer keys depend on them). Titles, dates, limits and policies may change; new slots may
 * be added outside attempted pools. Each refusal says where, and points to regrade.
 */
export function unfairChanges(before: ExistingAssessment, after: Pick<AssessmentInput, "kind" | "pythonVersion" | "slots">): Issue[] {
  const issues: Issue[] = [];
  const answered = before.slots.filter((s) => s.attempts > 0);
  const known = new Map(before.slots.map((s) => [s.id, s]));
  after.slots.forEach((s, i) => {
    if (s.id !== undefined && !known.has(s.id)) issues.push({ path: `slots.${i}.questionId`, message: "This question slot no longer exists; reload the page." });
  });
  if (answered.length === 0) return issues;
  if (after.kind !== before.kind) issues.push({ path: "kind", message: `Students have already answered: the kind stays ${before.kind === "QUIZ" ? "quiz" : "homework"}.` });
  if (after.pythonVersion !== before.pythonVersion) {
    issues.push({ path: "pythonVersion", message: `Students have already answered under Python ${before.pythonVersion}; their keys would change. ${REGRADE_HINT}` });
  }
  const index = new Map(after.slots.map((s, i) => [s.id, i]));
  for (const old of answered) {
    const i = index.get(old.id);
    if (i === undefined) {
      issues.push({ path: "slots", message: `"${old.title}" has ${old.attempts} attempt${old.attempts === 1 ? "" : "s"} and cannot be removed. ${REGRADE_HINT}` });
      continue;
    }
    const now = after.slots[i];
    if (now.questionId !== old.questionId) issues.push({ path: `slots.${i}.questionId`, message: `Students have answered "${old.title}" here: the question cannot change. ${REGRADE_HINT}` });
    if (now.points !== old.points) issues.push({ path: `slots.${i}.points`, message: `Students have answered this question: its points stay ${old.points}.` });
    if (now.poolKey !== old.poolKey) issues.push({ path: `slots.${i}.poolKey`, message: "Students have answered this question: it stays in its pool." });
  }
  const beforePools = poolMembers([...before.slots].sort((a, b) => a.position - b.position));
  const afterPools = poolMembers(after.slots);
  const answeredPools = new Set(answered.map((s) => s.poolKey).filter((k): k is string => k !== null));
  for (const key of answeredPools) {
    const was = beforePools.get(key) ?? [];
    const is = afterPools.get(key) ?? [];
    if (was.length !== is.length || was.some((id, j) => id !== is[j])) {
      issues.push({ path: "slots", message: `Pool "${key}" has attempts: its questions and their order stay as they are, or students would draw a different question.` });
    }
  }
  return issues;
}
