// The authoring service: a course's question templates and the shared bank, read and written
// with the caller's course role checked inside every function (a page's check proves nothing to
// a server action). INSTRUCTOR (course owner, enrolled instructor, site admin) edits; a TA reads
// everything; the shared bank (courseId null) is read-only here, copied into a course to change.
// No `server-only` here, so the CLI and the integration tests can use it; Next code imports
// ./server.ts, which adds the guard (as lib/db does).
import type { Caller } from "@/lib/auth/caller";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/http/errors";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import type { BankFile } from "./exchange";
import { exportFrom, importInto, saveIn, type ImportReport, type SaveResult, type Tx } from "./store";

export type { ImportReport, SaveResult };

// The course-staff rule of lib/auth/course-roles.ts: view = INSTRUCTOR or TA, edit = INSTRUCTOR.
export const viewCourse = (caller: Caller, courseId: string) => requireCourseAccess(caller, courseId, "view");
export const editCourse = (caller: Caller, courseId: string) => requireCourseAccess(caller, courseId, "edit");

export interface QuestionRow {
  id: string;
  slug: string;
  title: string;
  mechanism: string;
  currentVersion: number;
  /** null: the shared bank. */
  courseId: string | null;
  archived: boolean;
  lastEdited: Date;
}

/** The course's templates, then the shared bank, each by mechanism and title. */
export async function listQuestions(caller: Caller, courseId: string): Promise<{ course: QuestionRow[]; bank: QuestionRow[] }> {
  await viewCourse(caller, courseId);
  const rows = await getPrisma().question.findMany({
    where: { OR: [{ courseId }, { courseId: null }] },
    orderBy: [{ mechanism: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      mechanism: true,
      currentVersion: true,
      courseId: true,
      archivedAt: true,
      createdAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  const out = rows.map((q) => ({
    id: q.id,
    slug: q.slug,
    title: q.title,
    mechanism: q.mechanism,
    currentVersion: q.currentVersion,
    courseId: q.courseId,
    archived: q.archivedAt !== null,
    lastEdited: q.versions[0]?.createdAt ?? q.createdAt,
  }));
  return { course: out.filter((q) => q.courseId !== null), bank: out.filter((q) => q.courseId === null && !q.archived) };
}

export interface QuestionDetail {
  id: string;
  slug: string;
  title: string;
  courseId: string | null;
  currentVersion: number;
  archived: boolean;
  editable: boolean;
  definition: QuestionDefinition;
  versions: { version: number; createdAt: Date; author: string | null; definition: unknown }[];
  /** Assessments of this course that use the question (for the regrade links). */
  usedIn: { id: string; title: string; attempts: number }[];
}

/** One question of the course or of the shared bank, with its whole history. */
export async function getQuestion(caller: Caller, courseId: string, questionId: string): Promise<QuestionDetail> {
  const access = await viewCourse(caller, courseId);
  const db = getPrisma();
  const q = await db.question.findFirst({
    where: { id: questionId, OR: [{ courseId }, { courseId: null }] },
    include: {
      versions: { orderBy: { version: "desc" }, include: { author: { select: { name: true } } } },
      slots: { where: { assessment: { courseId } }, select: { assessment: { select: { id: true, title: true } } } },
    },
  });
  if (!q) throw notFound("No such question in this course.");
  const current = q.versions.find((v) => v.version === q.currentVersion) ?? q.versions[0];
  const parsed = current ? parseDefinition(current.definition) : null;
  if (!parsed || !parsed.ok) throw notFound("This question has no valid version.");
  const assessments = new Map(q.slots.map((s) => [s.assessment.id, s.assessment.title]));
  const counts = assessments.size
    ? await db.attempt.groupBy({ by: ["assessmentId"], where: { questionId, assessmentId: { in: [...assessments.keys()] } }, _count: { _all: true } })
    : [];
  return {
    id: q.id,
    slug: q.slug,
    title: q.title,
    courseId: q.courseId,
    currentVersion: q.currentVersion,
    archived: q.archivedAt !== null,
    editable: access.courseRole === "INSTRUCTOR" && q.courseId === courseId,
    definition: parsed.definition,
    versions: q.versions.map((v) => ({ version: v.version, createdAt: v.createdAt, author: v.author?.name ?? null, definition: v.definition })),
    usedIn: [...assessments].map(([id, title]) => ({ id, title, attempts: counts.find((c) => c.assessmentId === id)?._count._all ?? 0 })),
  };
}

async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await getPrisma().$transaction(work, { maxWait: 30_000, timeout: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Another question of this course already has that slug.");
    throw error;
  }
}

/** Saves the editor's definition: a new question (questionId null) or a new version of one. */
export async function saveQuestion(caller: Caller, courseId: string, questionId: string | null, definition: QuestionDefinition): Promise<SaveResult> {
  await editCourse(caller, courseId);
  return inTransaction(async (tx) => {
    if (!questionId) {
      const clash = await tx.question.findFirst({ where: { courseId, slug: definition.slug }, select: { id: true } });
      if (clash) throw conflict("Another question of this course already has that slug.");
    }
    return saveIn(tx, courseId, caller.id, definition, questionId);
  });
}

export async function setArchived(caller: Caller, courseId: string, questionId: string, archived: boolean): Promise<void> {
  await editCourse(caller, courseId);
  const r = await getPrisma().question.updateMany({ where: { id: questionId, courseId }, data: { archivedAt: archived ? new Date() : null } });
  if (r.count === 0) throw notFound("No such question in this course.");
}

/** Imports validated definitions into the course, matched by slug; all or nothing. */
export async function importDefinitions(caller: Caller, courseId: string, definitions: QuestionDefinition[]): Promise<ImportReport> {
  await editCourse(caller, courseId);
  return importInto(getPrisma(), courseId, caller.id, definitions);
}

/** The course's questions (archived ones too: they may return) at their current version, as files. */
export async function exportCourse(caller: Caller, courseId: string): Promise<BankFile[]> {
  await viewCourse(caller, courseId);
  return exportFrom(getPrisma(), courseId);
}

