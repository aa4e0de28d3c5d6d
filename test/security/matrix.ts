// The authorization matrix: for every page, route handler and server action of the app (read from
// app/ by ./routes.ts), what each kind of caller must get. A route without an entry fails
// test/security/coverage.test.ts and test/e2e/authz-matrix.spec.ts; an entry whose route is gone
// fails them too. The columns, in order:
//   anonymous · student (of course A) · otherStudent (of course B) · ta (of course A) ·
//   instructor (owner of A) · otherInstructor (owner of B) · admin
// Dynamic segments are filled from the fixture with course A's rows, so the "other" columns ask
// for someone else's course. Pages: "ok" (200), "signin" (redirect to sign-in), 403, 404.
// Route handlers: the HTTP status. Server actions: "allowed" (got past authorization: done, or a
// business answer such as a validation error) or the refusal code. A 403 for a course that exists
// and a 404 for one that does not is lib/auth's convention (guards.ts).
import { definitionToDraft, EMPTY_DRAFT } from "../../lib/authoring/draft";
import { parseDefinition } from "../../lib/questions/schema";
import type { Fixture, MatrixRole } from "./fixture";

export type PageOutcome = "ok" | "signin" | 403 | 404;
export type ActionOutcome = "allowed" | "unauthenticated" | "forbidden" | "not_found";
type Row<T> = readonly [T, T, T, T, T, T, T];

export type PageEntry = { expect: Row<PageOutcome>; path?: (fx: Fixture) => string };
export type HandlerEntry = {
  expect: Row<number>;
  /** The path, made per call, when the default filling does not fit (next-auth's catch-all, a target one call uses up). */
  path?: (fx: Fixture, role: MatrixRole) => Promise<string> | string;
  body?: (fx: Fixture, role: MatrixRole) => Promise<unknown> | unknown;
};
export type ActionEntry = {
  expect: Row<ActionOutcome>;
  /** The form fields, made per call (targets that one call would use up are fresh each time). */
  form: (fx: Fixture, role: MatrixRole) => Promise<Record<string, string>> | Record<string, string>;
};

// Rows used again and again.
const everyone = <T>(v: T): Row<T> => [v, v, v, v, v, v, v];
const signedIn: Row<PageOutcome> = ["signin", "ok", "ok", "ok", "ok", "ok", "ok"];
const adminOnly: Row<PageOutcome> = ["signin", 403, 403, 403, 403, 403, "ok"];
const siteInstructors: Row<PageOutcome> = ["signin", 403, 403, 403, "ok", "ok", "ok"];
/** Course A's staff pages: its TA and instructors, and admins. */
const courseStaffView: Row<PageOutcome> = ["signin", 403, 403, "ok", "ok", 403, "ok"];
const courseStaffEdit: Row<PageOutcome> = ["signin", 403, 403, 403, "ok", 403, "ok"];
/** A student page of course A's assessment: its enrolled students only (staff do not answer). */
const courseStudent: Row<PageOutcome> = ["signin", "ok", 403, 403, 403, 403, 403];

const apiSignedIn: Row<number> = [401, 200, 200, 200, 200, 200, 200];
const apiCourseStudent: Row<number> = [401, 200, 403, 403, 403, 403, 403];
const apiCourseStaffView: Row<number> = [401, 403, 403, 200, 200, 403, 200];
const apiCourseStaffEdit = (allowed: number): Row<number> => [401, 403, 403, 403, allowed, 403, allowed];

const actSignedIn: Row<ActionOutcome> = ["unauthenticated", "allowed", "allowed", "allowed", "allowed", "allowed", "allowed"];
const actView: Row<ActionOutcome> = ["unauthenticated", "forbidden", "forbidden", "allowed", "allowed", "forbidden", "allowed"];
const actEdit: Row<ActionOutcome> = ["unauthenticated", "forbidden", "forbidden", "forbidden", "allowed", "forbidden", "allowed"];
const actCourseStudent: Row<ActionOutcome> = ["unauthenticated", "allowed", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden"];

export const PAGES: Record<string, PageEntry> = {
  "/": { expect: everyone("ok") },
  "/signin": { expect: everyone("ok") },
  "/signup": { expect: everyone("ok") },
  "/lessons": { expect: everyone("ok") },
  "/lessons/[slug]": { expect: everyone("ok") },
  "/dashboard": { expect: signedIn },
  "/account": { expect: signedIn },
  "/courses": { expect: signedIn },
  "/assessments": { expect: signedIn },
  "/assessments/progress": { expect: signedIn },
  "/admin": { expect: adminOnly },
  // A TA (site role student) sees the courses they assist in.
  "/instructor": { expect: ["signin", 403, 403, "ok", "ok", "ok", "ok"] },
  "/instructor/courses/new": { expect: siteInstructors },
  "/courses/[courseId]": { expect: ["signin", "ok", 403, "ok", "ok", 403, "ok"] },
  "/assessments/[id]": { expect: courseStudent },
  "/assessments/[id]/questions/[questionId]": { expect: courseStudent },
  "/assessments/[id]/results": { expect: courseStudent },
  "/instructor/courses/[courseId]": { expect: courseStaffView },
  "/instructor/courses/[courseId]/roster": { expect: courseStaffView },
  "/instructor/courses/[courseId]/assessments": { expect: courseStaffView },
  "/instructor/courses/[courseId]/assessments/new": { expect: courseStaffEdit },
  "/instructor/courses/[courseId]/assessments/[assessmentId]": { expect: courseStaffView },
  "/instructor/courses/[courseId]/questions": { expect: courseStaffView },
  "/instructor/courses/[courseId]/questions/new": { expect: courseStaffView },
  "/instructor/courses/[courseId]/questions/import-export": { expect: courseStaffView },
  "/instructor/courses/[courseId]/questions/[questionId]": { expect: courseStaffView },
  "/instructor/courses/[courseId]/analytics": { expect: courseStaffView },
  "/instructor/courses/[courseId]/analytics/assessments/[assessmentId]": { expect: courseStaffView },
  "/instructor/courses/[courseId]/analytics/assessments/[assessmentId]/regrade": { expect: courseStaffView },
  "/instructor/courses/[courseId]/analytics/students/[userId]": { expect: courseStaffView },
};

const attemptBody = (fx: Fixture, role: MatrixRole) => ({
  assessmentId: fx.assessmentA.id,
  questionId: fx.questionA.id,
  answer: { kind: "integer", value: 1 },
  idempotencyKey: `matrix-${role}-${fx.tag}`,
});

export const HANDLERS: Record<string, HandlerEntry> = {
  "GET /api/health": { expect: everyone(200) },
  "GET /api/me": { expect: apiSignedIn },
  "GET /api/courses": { expect: apiSignedIn },
  "GET /api/assessments": { expect: apiSignedIn },
  "GET /api/attempts": { expect: apiSignedIn },
  "GET /api/auth/[...nextauth]": { expect: everyone(200), path: () => "/api/auth/session" },
  // A credentials POST without next-auth's CSRF token is sent back to sign-in, for everyone.
  "POST /api/auth/[...nextauth]": { expect: everyone(302), path: () => "/api/auth/callback/credentials", body: () => ({ email: "x@example.test", password: "whatever-it-is" }) },
  "GET /api/assessments/[id]": { expect: apiCourseStudent },
  "GET /api/assessments/[id]/questions/[questionId]/variant": { expect: apiCourseStudent },
  // A homework has no sitting to start or finish: the enrolled student gets a business answer.
  "POST /api/assessments/[id]/start": { expect: [401, 409, 403, 403, 403, 403, 403] },
  "POST /api/assessments/[id]/finish": { expect: [401, 409, 403, 403, 403, 403, 403] },
  "POST /api/attempts": { expect: apiCourseStudent, body: attemptBody },
  "POST /api/courses": { expect: [401, 403, 403, 403, 201, 201, 201], body: (fx, role) => ({ title: `Made by ${role} ${fx.tag}`, pythonVersion: "3.12" }) },
  // Course C exists only to be joined, so joining changes nobody's role in A or B.
  "POST /api/courses/join": { expect: [401, 201, 201, 201, 201, 201, 201], body: (fx) => ({ code: fx.courseC.joinCode }) },
  "GET /api/courses/[courseId]/exports/grades.csv": { expect: apiCourseStaffView },
  "GET /api/assessments/[id]/exports/attempts.csv": { expect: apiCourseStaffView },
  // The course staff's JSON API (COURSES, AUTHORING). Bodies that fail validation answer 400 only
  // after the role check, so a 400 in the allowed columns still proves the caller got past it.
  "GET /api/courses/[courseId]/assessments": { expect: apiCourseStaffView },
  "POST /api/courses/[courseId]/assessments": { expect: apiCourseStaffEdit(400), body: () => ({}) },
  "GET /api/courses/[courseId]/assessments/[assessmentId]": { expect: apiCourseStaffView },
  "PATCH /api/courses/[courseId]/assessments/[assessmentId]": { expect: apiCourseStaffEdit(400), body: () => ({}) },
  "DELETE /api/courses/[courseId]/assessments/[assessmentId]": {
    expect: apiCourseStaffEdit(200),
    path: async (fx) => `/api/courses/${fx.courseA.id}/assessments/${await draftOf(fx)}`,
  },
  "POST /api/courses/[courseId]/assessments/[assessmentId]/publish": { expect: apiCourseStaffEdit(200), body: () => ({ publish: true }) },
  "GET /api/courses/[courseId]/join-code": { expect: apiCourseStaffView },
  "POST /api/courses/[courseId]/join-code": { expect: apiCourseStaffEdit(200), body: () => ({ op: "enable" }) },
  "GET /api/courses/[courseId]/roster": { expect: apiCourseStaffView },
  "POST /api/courses/[courseId]/roster": { expect: apiCourseStaffEdit(201), body: async (fx) => ({ email: (await fx.newUser()).email, role: "STUDENT" }) },
  "PATCH /api/courses/[courseId]/roster/[userId]": {
    expect: apiCourseStaffEdit(200),
    path: async (fx) => `/api/courses/${fx.courseA.id}/roster/${(await fx.newUser({ courseId: fx.courseA.id, role: "STUDENT" })).id}`,
    body: () => ({ role: "TA" }),
  },
  "DELETE /api/courses/[courseId]/roster/[userId]": {
    expect: apiCourseStaffEdit(200),
    path: async (fx) => `/api/courses/${fx.courseA.id}/roster/${(await fx.newUser({ courseId: fx.courseA.id, role: "STUDENT" })).id}`,
  },
  "GET /api/courses/[courseId]/questions": { expect: apiCourseStaffView },
  "POST /api/courses/[courseId]/questions": { expect: apiCourseStaffEdit(201), body: async (fx, role) => ({ definition: await validDefinition(fx, `matrix-api-${role.toLowerCase()}-${fx.tag}`) }) },
  "GET /api/courses/[courseId]/questions/[questionId]": { expect: apiCourseStaffView },
  "PUT /api/courses/[courseId]/questions/[questionId]": { expect: apiCourseStaffEdit(200), body: async (fx) => ({ definition: await validDefinition(fx, `matrix-${fx.tag}`) }) },
  "GET /api/courses/[courseId]/questions/[questionId]/export": { expect: apiCourseStaffView },
  "GET /api/courses/[courseId]/questions/export": { expect: apiCourseStaffView },
  "POST /api/courses/[courseId]/questions/import": { expect: apiCourseStaffEdit(400), body: () => ({ files: [{ path: "refcount/not-a-question.json", text: "{}" }] }) },
};

const actionsDir = "app/(app)/instructor/courses/[courseId]";

/** A fresh draft of course A, for a call that deletes one. */
async function draftOf(fx: Fixture): Promise<string> {
  const now = Date.now();
  const a = await fx.prisma.assessment.create({ data: { courseId: fx.courseA.id, title: `Draft ${fx.tag}`, kind: "HOMEWORK", opensAt: new Date(now), closesAt: new Date(now + 86_400_000) }, select: { id: true } });
  return a.id;
}

/** Course A's own question's definition, under another slug: what a valid save sends. */
async function validDefinition(fx: Fixture, slug: string) {
  const version = await fx.prisma.questionVersion.findFirstOrThrow({ where: { questionId: fx.courseQuestionA.id }, orderBy: { version: "asc" } });
  const parsed = parseDefinition(version.definition);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return { ...parsed.definition, slug };
}

async function validDraft(fx: Fixture, role: MatrixRole): Promise<string> {
  return JSON.stringify(definitionToDraft(await validDefinition(fx, `matrix-save-${role.toLowerCase()}-${fx.tag}`)));
}

export const ACTIONS: Record<string, ActionEntry> = {
  "app/(public)/signup/actions.ts#signUpAction": {
    expect: everyone("allowed"),
    form: async (fx, role) => ({ name: `Signup ${role}`, email: `signup-${role.toLowerCase()}-${fx.tag}@matrix.test`, password: "matrix-violet-anchor" }),
  },
  "app/lessons/actions.ts#gradeCheckAction": { expect: everyone("allowed"), form: () => ({ checkId: "no-such-check", kind: "integer", value: "1" }) },
  "app/(app)/account/actions.ts#createTokenAction": { expect: actSignedIn, form: () => ({ name: "matrix" }) },
  // The student's own token: theirs to revoke; for anyone else the id matches nothing (404).
  "app/(app)/account/actions.ts#revokeTokenAction": {
    expect: ["unauthenticated", "allowed", "not_found", "not_found", "not_found", "not_found", "not_found"],
    form: async (fx) => {
      const token = await fx.prisma.apiToken.create({ data: { userId: fx.users.student.id, name: "victim", tokenHash: `matrix-${Math.random()}`, prefix: "hw_matrix" } });
      return { id: token.id };
    },
  },
  "app/(app)/admin/actions.ts#setRoleAction": {
    expect: ["unauthenticated", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "allowed"],
    form: async (fx) => ({ userId: (await fx.newUser()).id, role: "INSTRUCTOR" }),
  },
  "app/(app)/assessments/actions.ts#submitAnswerAction": {
    expect: actCourseStudent,
    form: (fx, role) => ({ assessmentId: fx.assessmentA.id, questionId: fx.questionA.id, answer: JSON.stringify({ kind: "integer", value: 2 }), idempotencyKey: `matrix-action-${role}-${fx.tag}` }),
  },
  "app/(app)/assessments/actions.ts#startQuizAction": { expect: actCourseStudent, form: (fx) => ({ assessmentId: fx.assessmentA.id }) },
  "app/(app)/assessments/actions.ts#finishQuizAction": { expect: actCourseStudent, form: (fx) => ({ assessmentId: fx.assessmentA.id }) },
  "app/(app)/courses/actions.ts#createCourseAction": {
    expect: ["unauthenticated", "forbidden", "forbidden", "forbidden", "allowed", "allowed", "allowed"],
    form: (fx, role) => ({ title: `Action course ${role} ${fx.tag}`, pythonVersion: "3.12" }),
  },
  "app/(app)/courses/actions.ts#joinCourseAction": { expect: actSignedIn, form: (fx) => ({ code: fx.courseC.joinCode }) },
  "app/(app)/courses/actions.ts#setJoinCodeAction": { expect: actEdit, form: (fx) => ({ courseId: fx.courseA.id, enabled: "true" }) },
  [`${actionsDir}/roster/actions.ts#addMemberAction`]: { expect: actEdit, form: async (fx) => ({ courseId: fx.courseA.id, email: (await fx.newUser()).email, role: "STUDENT" }) },
  [`${actionsDir}/roster/actions.ts#changeRoleAction`]: {
    expect: actEdit,
    form: async (fx) => ({ courseId: fx.courseA.id, userId: (await fx.newUser({ courseId: fx.courseA.id, role: "STUDENT" })).id, role: "TA" }),
  },
  [`${actionsDir}/roster/actions.ts#removeMemberAction`]: {
    expect: actEdit,
    form: async (fx) => ({ courseId: fx.courseA.id, userId: (await fx.newUser({ courseId: fx.courseA.id, role: "STUDENT" })).id }),
  },
  [`${actionsDir}/roster/actions.ts#joinCodeAction`]: { expect: actEdit, form: (fx) => ({ courseId: fx.courseA.id, op: "enable" }) },
  [`${actionsDir}/assessments/actions.ts#saveAssessmentAction`]: {
    expect: actEdit,
    form: (fx, role) => ({
      courseId: fx.courseA.id,
      title: `Made by ${role}`,
      kind: "HOMEWORK",
      opensAt: "2026-01-01T09:00",
      closesAt: "2026-12-31T09:00",
      timeLimitMinutes: "",
      maxAttempts: "",
      scorePolicy: "BEST",
      releasePolicy: "AFTER_CLOSE",
      pythonVersion: "3.12",
      slots: "[]",
    }),
  },
  [`${actionsDir}/assessments/actions.ts#deleteAssessmentAction`]: {
    expect: actEdit,
    form: async (fx) => ({ courseId: fx.courseA.id, assessmentId: await draftOf(fx), confirm: "on" }),
  },
  [`${actionsDir}/assessments/actions.ts#publishAction`]: { expect: actEdit, form: (fx) => ({ courseId: fx.courseA.id, assessmentId: fx.assessmentA.id, publish: "true" }) },
  // A draft that passes the form's zod but not the question format: answered after the role check, fast.
  [`${actionsDir}/questions/actions.ts#previewAction`]: { expect: actView, form: (fx) => ({ courseId: fx.courseA.id, draft: JSON.stringify(EMPTY_DRAFT) }) },
  [`${actionsDir}/questions/actions.ts#checkAction`]: { expect: actView, form: (fx) => ({ courseId: fx.courseA.id, draft: JSON.stringify(EMPTY_DRAFT) }) },
  [`${actionsDir}/questions/actions.ts#versionsAction`]: { expect: actView, form: (fx) => ({ courseId: fx.courseA.id, draft: JSON.stringify(EMPTY_DRAFT), seed: "1" }) },
  [`${actionsDir}/questions/actions.ts#crossCheckAction`]: { expect: actEdit, form: (fx) => ({ courseId: fx.courseA.id, draft: JSON.stringify(EMPTY_DRAFT), seed: "1" }) },
  [`${actionsDir}/questions/actions.ts#saveAction`]: { expect: actEdit, form: async (fx, role) => ({ courseId: fx.courseA.id, draft: await validDraft(fx, role), questionId: "" }) },
  [`${actionsDir}/questions/actions.ts#archiveAction`]: { expect: actEdit, form: (fx) => ({ courseId: fx.courseA.id, questionId: fx.courseQuestionA.id, archived: "false" }) },
  [`${actionsDir}/questions/actions.ts#copyAction`]: { expect: actEdit, form: (fx) => ({ courseId: fx.courseA.id, questionId: fx.questionA.id }) },
  [`${actionsDir}/analytics/assessments/[assessmentId]/regrade/actions.ts#applyRegradeAction`]: {
    expect: actEdit,
    form: (fx) => ({ courseId: fx.courseA.id, assessmentId: fx.assessmentA.id, questionId: fx.questionA.id, toVersion: "1", confirm: "yes" }),
  },
};

/** Values for the dynamic segments of a pattern: course A's rows, so "other" roles ask for someone else's. */
export function fillPattern(pattern: string, fx: Fixture): string {
  const values: Record<string, string> = {
    courseId: fx.courseA.id,
    id: fx.assessmentA.id,
    assessmentId: fx.assessmentA.id,
    questionId: fx.questionA.id,
    userId: fx.users.student.id,
    slug: fx.lessonSlug,
  };
  // The question editor and API are about the course's own questions.
  if (/^(\/api)?\/(instructor\/)?courses\/\[courseId\]\/questions\/\[questionId\]/.test(pattern)) values.questionId = fx.courseQuestionA.id;
  return pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_, _rest, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`No fixture value for the segment [${name}] of ${pattern}: add one in test/security/matrix.ts (fillPattern).`);
    return value;
  });
}
