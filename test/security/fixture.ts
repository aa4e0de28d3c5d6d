// The world the authorization matrix and the key-leak test run in: two courses, each with an
// owner, an open published assessment on bank questions and students; course A also has a TA
// and a student with an attempt; a third course only to be joined (joining A or B would change
// who is who); and an admin. Rows are written straight into the app's PostgreSQL (the builder
// pages are not under test here); people sign in over HTTP like a browser, one cookie jar each.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { syncBank } from "../../lib/bank/sync";
import { createPrisma, type PrismaClient } from "../../lib/db/client";

export const ROLES = ["anonymous", "student", "otherStudent", "ta", "instructor", "otherInstructor", "admin"] as const;
export type MatrixRole = (typeof ROLES)[number];

export const PASSWORD = "matrix-violet-anchor";

export type Fixture = {
  prisma: PrismaClient;
  baseURL: string;
  tag: string;
  users: Record<Exclude<MatrixRole, "anonymous">, { id: string; email: string }>;
  courseA: { id: string; joinCode: string };
  courseB: { id: string; joinCode: string };
  courseC: { id: string; joinCode: string };
  assessmentA: { id: string };
  assessmentB: { id: string };
  /** A bank question in assessment A (integer answer), and one owned by course A. */
  questionA: { id: string };
  courseQuestionA: { id: string };
  lessonSlug: string;
  /** One signed-in cookie jar per role (anonymous: none). */
  as: Record<MatrixRole, APIRequestContext>;
  /** A fresh user, optionally enrolled in a course: targets for roster actions. */
  newUser(enrolIn?: { courseId: string; role: "STUDENT" | "TA" }): Promise<{ id: string; email: string }>;
  dispose(): Promise<void>;
};

export const databaseUrl = process.env.DATABASE_URL ?? "";
export const hasPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
export const NEEDS_POSTGRES = "needs DATABASE_URL naming the PostgreSQL server the app under test uses (the embedded database serves the app alone)";

export async function signInOverHttp(baseURL: string, email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: extraHeaders });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  expect([200, 302]).toContain(res.status());
  const me = await ctx.get("/api/me");
  expect(me.status(), `sign-in of ${email}`).toBe(200);
  return ctx;
}

export async function buildFixture(baseURL: string): Promise<Fixture> {
  const prisma = createPrisma({ url: databaseUrl, poolMax: 2 });
  await syncBank(prisma);
  const tag = randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(PASSWORD);
  const mk = async (label: string, role: "STUDENT" | "INSTRUCTOR" | "ADMIN") =>
    prisma.user.create({ data: { email: `${label.toLowerCase()}-${tag}@matrix.test`, name: `${label} ${tag}`, passwordHash, role }, select: { id: true, email: true } });
  const users = {
    student: await mk("Student", "STUDENT"),
    otherStudent: await mk("OtherStudent", "STUDENT"),
    ta: await mk("TA", "STUDENT"),
    instructor: await mk("Instructor", "INSTRUCTOR"),
    otherInstructor: await mk("OtherInstructor", "INSTRUCTOR"),
    admin: await mk("Admin", "ADMIN"),
  };
  const course = (title: string, ownerId: string, code: string) =>
    prisma.course.create({ data: { title: `${title} ${tag}`, ownerId, joinCode: code }, select: { id: true, joinCode: true } });
  const code = (c: string) => `${c}${tag.toUpperCase().replace(/[^A-Z2-9]/g, "X")}`.slice(0, 8).padEnd(8, "Z");
  const courseA = await course("Course A", users.instructor.id, code("A"));
  const courseB = await course("Course B", users.otherInstructor.id, code("B"));
  // Owned by nobody in the matrix: joining one's own course would answer differently.
  const ownerC = await mk("OwnerC", "INSTRUCTOR");
  const courseC = await course("Course C", ownerC.id, code("C"));
  await prisma.enrolment.createMany({
    data: [
      { courseId: courseA.id, userId: users.student.id, role: "STUDENT" },
      { courseId: courseA.id, userId: users.ta.id, role: "TA" },
      { courseId: courseB.id, userId: users.otherStudent.id, role: "STUDENT" },
    ],
  });
  const bank = await prisma.question.findFirstOrThrow({ where: { courseId: null, slug: { contains: "count-shared-ints" } }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  const now = Date.now();
  const assessment = async (courseId: string, title: string) => {
    const a = await prisma.assessment.create({
      data: { courseId, title: `${title} ${tag}`, kind: "HOMEWORK", opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 86_400_000), releasePolicy: "IMMEDIATELY", publishedAt: new Date(now - 3_600_000) },
      select: { id: true },
    });
    await prisma.assessmentQuestion.create({ data: { assessmentId: a.id, questionId: bank.id, position: 1, points: 1 } });
    return a;
  };
  const assessmentA = await assessment(courseA.id, "Homework A");
  const assessmentB = await assessment(courseB.id, "Homework B");
  const courseQuestionA = await prisma.question.create({
    data: {
      slug: `matrix-${tag}`,
      courseId: courseA.id,
      title: `Course question ${tag}`,
      mechanism: bank.mechanism,
      authorId: users.instructor.id,
      versions: { create: { version: 1, definition: bank.versions[0].definition as object, authorId: users.instructor.id } },
    },
    select: { id: true },
  });

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const as = { anonymous } as Record<MatrixRole, APIRequestContext>;
  for (const role of ROLES) if (role !== "anonymous") as[role] = await signInOverHttp(baseURL, users[role].email, PASSWORD);

  // The student's attempt, through the API as a browser would make it.
  const variant = await as.student.get(`/api/assessments/${assessmentA.id}/questions/${bank.id}/variant`);
  expect(variant.status()).toBe(200);
  const attempt = await as.student.post("/api/attempts", {
    data: { assessmentId: assessmentA.id, questionId: bank.id, answer: { kind: "integer", value: 0 }, idempotencyKey: `fixture-${tag}` },
    headers: { origin: baseURL },
  });
  expect(attempt.status(), await attempt.text()).toBe(200);

  let extra = 0;
  return {
    prisma,
    baseURL,
    tag,
    users,
    courseA,
    courseB,
    courseC,
    assessmentA,
    assessmentB,
    questionA: { id: bank.id },
    courseQuestionA,
    lessonSlug: "code-stack-heap",
    as,
    async newUser(enrolIn) {
      const user = await prisma.user.create({ data: { email: `extra${++extra}-${tag}@matrix.test`, name: `Extra ${extra}`, passwordHash }, select: { id: true, email: true } });
      if (enrolIn) await prisma.enrolment.create({ data: { courseId: enrolIn.courseId, userId: user.id, role: enrolIn.role } });
      return user;
    },
    async dispose() {
      for (const ctx of Object.values(as)) await ctx.dispose();
      await prisma.$disconnect();
    },
  };
}
