// The assessment builder's database side: a course's assessments for its staff, the templates an
// instructor may pick (the course's own and the shared bank), create, edit, publish and delete. The
// caller has been checked with lib/auth/course-roles.ts; every query still names the course in
// its `where`, so an assessment or question id of another course is "not found" here.
// Staff views carry titles and mechanisms only: no definition, so no key, reaches the browser.
import { getPrisma } from "@/lib/db/client";
import { conflict, HttpError, notFound } from "@/lib/http/errors";
import { type AssessmentInput, type ExistingAssessment, type Issue, unfairChanges } from "./builder-schema";

export type StaffAssessmentRow = {
  id: string;
  title: string;
  kind: "HOMEWORK" | "QUIZ";
  opensAt: string;
  closesAt: string;
  publishedAt: string | null;
  slotCount: number;
  attemptCount: number;
};

export async function listCourseAssessments(courseId: string): Promise<StaffAssessmentRow[]> {
  const rows = await getPrisma().assessment.findMany({
    where: { courseId },
    orderBy: [{ opensAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, kind: true, opensAt: true, closesAt: true, publishedAt: true, _count: { select: { questions: true, attempts: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    kind: a.kind,
    opensAt: a.opensAt.toISOString(),
    closesAt: a.closesAt.toISOString(),
    publishedAt: a.publishedAt?.toISOString() ?? null,
    slotCount: a._count.questions,
    attemptCount: a._count.attempts,
  }));
}

export type TemplateChoice = { id: string; title: string; mechanism: string; slug: string; source: "course" | "shared" };

/** The templates an instructor may put in this course's assessments, course's own first. */
export async function templateChoices(courseId: string): Promise<TemplateChoice[]> {
  const rows = await getPrisma().question.findMany({
    where: { archivedAt: null, OR: [{ courseId }, { courseId: null }] },
    orderBy: [{ mechanism: "asc" }, { title: "asc" }],
    select: { id: true, title: true, mechanism: true, slug: true, courseId: true },
  });
  const choices = rows.map((q): TemplateChoice => ({ id: q.id, title: q.title, mechanism: q.mechanism, slug: q.slug, source: q.courseId ? "course" : "shared" }));
  return [...choices.filter((c) => c.source === "course"), ...choices.filter((c) => c.source === "shared")];
}

export type BuilderSlot = { id: string; questionId: string; title: string; mechanism: string; position: number; points: number; poolKey: string | null; attempts: number };
export type BuilderAssessment = {
  id: string;
  courseId: string;
  title: string;
  kind: "HOMEWORK" | "QUIZ";
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  scorePolicy: "BEST" | "LAST";
  releasePolicy: "IMMEDIATELY" | "AFTER_SUBMISSION" | "AFTER_CLOSE";
  pythonVersion: string;
  publishedAt: Date | null;
  slots: BuilderSlot[];
  attemptCount: number;
};

export async function loadBuilderAssessment(courseId: string, assessmentId: string): Promise<BuilderAssessment> {
  const db = getPrisma();
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, courseId },
    include: { questions: { orderBy: { position: "asc" }, include: { question: { select: { title: true, mechanism: true } } } } },
  });
  if (!a) throw notFound("No such assessment in this course.");
  const counts = await db.attempt.groupBy({ by: ["assessmentQuestionId"], where: { assessmentId }, _count: { _all: true } });
  const bySlot = new Map(counts.map((c) => [c.assessmentQuestionId, c._count._all]));
  const { questions, ...rest } = a;
  return {
    ...rest,
    slots: questions.map((s) => ({
      id: s.id,
      questionId: s.questionId,
      title: s.question.title,
      mechanism: s.question.mechanism,
      position: s.position,
      points: s.points,
      poolKey: s.poolKey,
      attempts: bySlot.get(s.id) ?? 0,
    })),
    attemptCount: counts.reduce((n, c) => n + c._count._all, 0),
  };
}

function refuse(message: string, issues: Issue[]): never {
  throw new HttpError("conflict", message, issues);
}

/** Every picked question must be this course's or the shared bank's. */
async function assertPickable(courseId: string, questionIds: readonly string[]): Promise<void> {
  const unique = [...new Set(questionIds)];
  if (unique.length === 0) return;
  const found = await getPrisma().question.findMany({ where: { id: { in: unique }, OR: [{ courseId }, { courseId: null }] }, select: { id: true } });
  const ok = new Set(found.map((q) => q.id));
  const bad = unique.filter((id) => !ok.has(id));
  if (bad.length > 0) {
    throw new HttpError(
      "invalid",
      "Some questions are not available to this course.",
      questionIds.flatMap((id, i) => (ok.has(id) ? [] : [{ path: `slots.${i}.questionId`, message: "This question is not in this course or the shared bank." }])),
    );
  }
}

const fields = (input: AssessmentInput) => ({
  title: input.title,
  kind: input.kind,
  opensAt: input.opensAt,
  closesAt: input.closesAt,
  timeLimitMinutes: input.timeLimitMinutes,
  maxAttempts: input.maxAttempts,
  scorePolicy: input.scorePolicy,
  releasePolicy: input.releasePolicy,
  pythonVersion: input.pythonVersion,
});

/** A new assessment, unpublished: students see it only once it is published. */
export async function createAssessment(courseId: string, input: AssessmentInput): Promise<{ id: string }> {
  await assertPickable(courseId, input.slots.map((s) => s.questionId));
  if (input.slots.some((s) => s.id !== undefined)) throw new HttpError("invalid", "A new assessment has no existing questions.", [{ path: "slots", message: "Reload the page." }]);
  return getPrisma().assessment.create({
    data: {
      courseId,
      ...fields(input),
      questions: { create: input.slots.map((s, i) => ({ questionId: s.questionId, position: i + 1, points: s.points, poolKey: s.poolKey })) },
    },
    select: { id: true },
  });
}

/**
 * Saves an edit in one transaction that first locks the assessment row FOR UPDATE. Two saves do
 * not interleave, and the attempts are counted only after any attempt being stored has committed:
 * storing one takes a KEY SHARE lock on its assessment row (the foreign key check), which FOR
 * UPDATE waits for, and a later one waits for this save. Without it, a first attempt landing
 * mid-save could be cascaded away with a slot that looked unanswered. Positions go through
 * negative values because (assessmentId, position) is unique at every statement.
 */
export async function updateAssessment(courseId: string, assessmentId: string, input: AssessmentInput): Promise<{ slotIds: string[] }> {
  await assertPickable(courseId, input.slots.map((s) => s.questionId));
  return getPrisma().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Assessment" WHERE id = ${assessmentId} AND "courseId" = ${courseId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("No such assessment in this course.");
    const current = await tx.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      select: { kind: true, pythonVersion: true, questions: { select: { id: true, questionId: true, position: true, points: true, poolKey: true, question: { select: { title: true } } } } },
    });
    const counts = await tx.attempt.groupBy({ by: ["assessmentQuestionId"], where: { assessmentId }, _count: { _all: true } });
    const bySlot = new Map(counts.map((c) => [c.assessmentQuestionId, c._count._all]));
    const before: ExistingAssessment = {
      kind: current.kind,
      pythonVersion: current.pythonVersion,
      slots: current.questions.map((s) => ({ id: s.id, questionId: s.questionId, title: s.question.title, position: s.position, points: s.points, poolKey: s.poolKey, attempts: bySlot.get(s.id) ?? 0 })),
    };
    const issues = unfairChanges(before, input);
    if (issues.length > 0) refuse("Students have already answered this assessment, so some of these changes would be unfair to them.", issues);

    const keep = new Set(input.slots.flatMap((s) => (s.id ? [s.id] : [])));
    const removed = before.slots.filter((s) => !keep.has(s.id)).map((s) => s.id);
    if (removed.length > 0) await tx.assessmentQuestion.deleteMany({ where: { assessmentId, id: { in: removed } } });
    await tx.assessmentQuestion.updateMany({ where: { assessmentId }, data: { position: { multiply: -1 } } });
    const slotIds: string[] = [];
    for (const [i, s] of input.slots.entries()) {
      const data = { questionId: s.questionId, position: i + 1, points: s.points, poolKey: s.poolKey };
      const row = s.id
        ? await tx.assessmentQuestion.update({ where: { id: s.id, assessmentId }, data, select: { id: true } })
        : await tx.assessmentQuestion.create({ data: { assessmentId, ...data }, select: { id: true } });
      slotIds.push(row.id);
    }
    await tx.assessment.update({ where: { id: assessmentId }, data: fields(input) });
    return { slotIds };
  });
}

/**
 * Publishing makes the assessment visible to the course's students (from its open date on).
 * An empty assessment cannot be published; one with attempts cannot be unpublished (students
 * would lose sight of work already graded: close it by moving its close date instead).
 */
export async function setPublished(courseId: string, assessmentId: string, publish: boolean, now = new Date()): Promise<void> {
  const db = getPrisma();
  const a = await db.assessment.findFirst({ where: { id: assessmentId, courseId }, select: { publishedAt: true, _count: { select: { questions: true, attempts: true } } } });
  if (!a) throw notFound("No such assessment in this course.");
  if (publish && a._count.questions === 0) throw conflict("Add at least one question before publishing.");
  if (!publish && a._count.attempts > 0) throw conflict("Students have answered this assessment, so it stays published. To end it, move its close date.");
  if (publish === (a.publishedAt !== null)) return;
  await db.assessment.update({ where: { id: assessmentId }, data: { publishedAt: publish ? now : null } });
}

/**
 * Deletes a draft: an unpublished assessment nobody has answered. The conditions are in the
 * DELETE's own `where`, so an attempt stored a moment before cannot be deleted with it; when
 * nothing was deleted, the row is read again to say why.
 */
export async function deleteDraftAssessment(courseId: string, assessmentId: string): Promise<void> {
  const db = getPrisma();
  const deleted = await db.assessment.deleteMany({ where: { id: assessmentId, courseId, publishedAt: null, attempts: { none: {} } } });
  if (deleted.count === 1) return;
  const a = await db.assessment.findFirst({ where: { id: assessmentId, courseId }, select: { publishedAt: true, _count: { select: { attempts: true } } } });
  if (!a) throw notFound("No such assessment in this course.");
  if (a._count.attempts > 0) throw conflict("Students have answered this assessment, so it cannot be deleted. To end it, move its close date.");
  throw conflict("Only a draft can be deleted: unpublish it first.");
}
