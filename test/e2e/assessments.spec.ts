// A student does a homework (wrong, then right, with feedback and a misconception) and a timed
// quiz in Chromium, and the JSON API answers as documented. Each attempt is then looked up in
// PostgreSQL: stored exactly once. The test writes the course and assessments straight into the
// database (the authoring pages are not under test here), so it needs the app's DATABASE_URL
// to be a PostgreSQL server: `DATABASE_URL=postgresql://... npx playwright test assessments`.
import path from "node:path";
import { expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { syncBank } from "../../lib/bank/sync";
import { libSim } from "../../lib/attempts/simulator";
import { hashToken } from "../../lib/auth/tokens";
import { createPrisma, type PrismaClient } from "../../lib/db/client";
import { computeKeyWith, expectedAnswer } from "../../lib/grading";
import { parseDefinition, type QuestionDefinition } from "../../lib/questions/schema";
import { makeVariant } from "../../lib/questions/variant";
import { person, signUp } from "./helpers";

const databaseUrl = process.env.DATABASE_URL ?? "";
const shots = path.join(import.meta.dirname, "screenshots");

test.describe.configure({ mode: "serial" });
test.skip(!/^postgres(ql)?:\/\//.test(databaseUrl), "needs DATABASE_URL naming the PostgreSQL server the app under test uses (the embedded database serves the app alone)");

let prisma: PrismaClient;

test.beforeAll(async () => {
  prisma = createPrisma({ url: databaseUrl, poolMax: 2 });
  await syncBank(prisma);
});

test.afterAll(async () => {
  await prisma?.$disconnect();
});

async function setUp(page: Page, spec: { kind: "HOMEWORK" | "QUIZ"; slugs: string[]; timeLimitMinutes?: number; maxAttempts?: number; releasePolicy: "IMMEDIATELY" | "AFTER_CLOSE" }) {
  const student = person("Student");
  await signUp(page, student);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: student.email } });
  const teacher = await prisma.user.create({ data: { email: `t-${user.id}@example.test`, name: "Teacher", passwordHash: "x", role: "INSTRUCTOR" } });
  const course = await prisma.course.create({ data: { title: `Memory ${user.id.slice(-5)}`, ownerId: teacher.id, joinCode: user.id.slice(-8).toUpperCase() } });
  await prisma.enrolment.create({ data: { courseId: course.id, userId: user.id, role: "STUDENT" } });
  const now = Date.now();
  const assessment = await prisma.assessment.create({
    data: {
      courseId: course.id,
      title: spec.kind === "QUIZ" ? "Quiz 1: names and objects" : "Homework 1: aliasing",
      kind: spec.kind,
      opensAt: new Date(now - 3_600_000),
      closesAt: new Date(now + 86_400_000),
      timeLimitMinutes: spec.timeLimitMinutes ?? null,
      maxAttempts: spec.maxAttempts ?? null,
      releasePolicy: spec.releasePolicy,
      publishedAt: new Date(now - 3_600_000),
    },
  });
  const questions = [];
  for (const [i, slug] of spec.slugs.entries()) {
    const q = await prisma.question.findFirstOrThrow({ where: { courseId: null, slug }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
    await prisma.assessmentQuestion.create({ data: { assessmentId: assessment.id, questionId: q.id, position: i + 1, points: 2 } });
    const parsed = parseDefinition(q.versions[0].definition);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    questions.push({ id: q.id, definition: parsed.definition });
  }
  return { userId: user.id, assessmentId: assessment.id, questions };
}

/** The key of the student's current variant, computed here the way the server does. */
async function keyOf(userId: string, questionId: string, attemptNumber: number, definition: QuestionDefinition) {
  const row = await prisma.variant.findFirstOrThrow({ where: { userId, questionId, attemptNumber } });
  const variant = makeVariant(definition, row.seed);
  const key = computeKeyWith(libSim, definition, variant, "3.12");
  if (!key.ok) throw new Error(key.error.message);
  return { variant, key: key.key };
}

async function expectEachAttemptOnce(userId: string, expected: number) {
  const rows = await prisma.attempt.findMany({ where: { userId } });
  expect(rows).toHaveLength(expected);
  expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(expected);
  expect(new Set(rows.map((r) => r.variantId)).size).toBe(expected);
}

test("a student does a homework: wrong, then right, with feedback and a misconception", async ({ page }) => {
  const { userId, assessmentId, questions } = await setUp(page, { kind: "HOMEWORK", slugs: ["alias-append"], releasePolicy: "IMMEDIATELY" });
  const [q] = questions;
  await page.goto("/assessments");
  await expect(page.getByRole("region", { name: "To do" }).getByRole("link", { name: "Homework 1: aliasing" })).toBeVisible();
  await page.getByRole("link", { name: "Homework 1: aliasing" }).click();
  await page.getByRole("link", { name: /Two names, one list/ }).click();
  await expect(page.getByRole("heading", { name: "Attempt 1" })).toBeVisible();

  const first = await keyOf(userId, q.id, 1, q.definition);
  if (first.key.answer.kind !== "output") throw new Error("expected an output key");
  await expect(page.getByRole("figure", { name: "Code" })).toContainText(first.variant.code.split("\n")[0]);
  // The page before grading carries neither the key's printed list nor a memory table.
  const [printed, length] = first.key.answer.value.split("\n");
  expect(await page.content()).not.toContain(printed);
  await page.screenshot({ path: path.join(shots, "question.png"), fullPage: true });

  // The belief that `b = a` copies the list: the appended item is missing from a.
  await page.getByLabel("The program's output, line by line").fill(`${printed.replace(/, \d+\]$/, "]")}\n${length}`);
  await page.getByRole("button", { name: "Submit answer" }).click();
  const feedback = page.getByTestId("feedback");
  await expect(feedback.getByTestId("verdict")).toContainText("Partly right");
  await expect(feedback).toContainText(printed);
  await expect(page.getByTestId("misconception")).toContainText("Likely misconception");
  await expect(page.getByTestId("memory-table")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "feedback.png"), fullPage: true });

  await expect(page.getByRole("heading", { name: "Attempt 2" })).toBeVisible();
  const second = await keyOf(userId, q.id, 2, q.definition);
  if (second.key.answer.kind !== "output") throw new Error("expected an output key");
  await page.getByLabel("The program's output, line by line").fill(second.key.answer.value);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("verdict")).toContainText("Right · attempt 2 · 2 / 2 points");

  await page.goto(`/assessments/${assessmentId}`);
  await expect(page.getByTestId("total")).toContainText("2 / 2");
  await page.goto(`/assessments/${assessmentId}/results`);
  await expect(page.getByTestId("result")).toHaveCount(2);
  await expectEachAttemptOnce(userId, 2);
});

test("a student sits a timed quiz: start, answer against the clock, hand in; results wait for the close", async ({ page }) => {
  const { userId, assessmentId, questions } = await setUp(page, {
    kind: "QUIZ",
    slugs: ["what-assignment-does", "names-references-facts"],
    timeLimitMinutes: 5,
    maxAttempts: 1,
    releasePolicy: "AFTER_CLOSE",
  });
  await page.goto(`/assessments/${assessmentId}`);
  await expect(page.getByText("The questions appear when you start the quiz.")).toBeVisible();
  await page.getByRole("button", { name: "Start the quiz (5 minutes)" }).click();
  await expect(page.getByTestId("countdown")).toHaveText(/^[45]:\d\d$/);
  const sitting = await prisma.sitting.findFirstOrThrow({ where: { userId, assessmentId } });
  expect((sitting.deadlineAt?.getTime() ?? 0) - sitting.startedAt.getTime()).toBe(5 * 60_000);

  const [choice, multi] = questions;
  await page.getByRole("link", { name: /What does assignment do/ }).click();
  await expect(page.getByRole("heading", { name: "1. What does assignment do?" })).toBeVisible();
  await expect(page.getByTestId("countdown")).toHaveText(/^[45]:\d\d$/);
  if (choice.definition.answer.kind !== "choice") throw new Error("expected a choice question");
  const right = choice.definition.answer.options[choice.definition.answer.correct].replace(/`/g, "");
  await page.screenshot({ path: path.join(shots, "quiz-question.png"), fullPage: true });
  await page.getByRole("radio", { name: right }).check();
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("feedback-hidden")).toBeVisible();
  await expect(page.getByTestId("not-answerable")).toContainText("used all your attempts");

  await page.getByRole("link", { name: /Next question/ }).click();
  if (multi.definition.answer.kind !== "multi") throw new Error("expected a multi question");
  const checks = page.getByRole("checkbox");
  await expect(checks).toHaveCount(multi.definition.answer.options.length);
  await checks.first().check();
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("feedback-hidden")).toBeVisible();

  await page.goto(`/assessments/${assessmentId}`);
  await page.getByRole("button", { name: "Hand in the quiz" }).click();
  await expect(page.getByText("You handed in this quiz.")).toBeVisible();
  await expect(page.getByTestId("total")).toContainText("Scores appear after the close date");

  // The API agrees: nothing about the grade before the close date, and no more answers.
  const listed = await page.request.get(`/api/attempts?assessmentId=${assessmentId}`);
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { attempts: { correct: unknown; score: unknown; feedback: unknown }[] };
  expect(body.attempts).toHaveLength(2);
  for (const a of body.attempts) expect(a).toMatchObject({ correct: null, score: null, feedback: null });
  const late = await page.request.post("/api/attempts", {
    data: { assessmentId, questionId: multi.id, answer: { kind: "multi", selected: [] }, idempotencyKey: "after-hand-in-1" },
  });
  expect(late.status()).toBe(409);
  expect(await late.json()).toMatchObject({ error: "conflict", message: "You have handed in this quiz." });
  await expectEachAttemptOnce(userId, 2);
});

test("the JSON API: 401, 400, 403, bearer tokens, idempotent retries, and a variant without its key", async ({ page, baseURL }) => {
  const { userId, assessmentId, questions } = await setUp(page, { kind: "HOMEWORK", slugs: ["alias-append"], releasePolicy: "IMMEDIATELY" });
  const [q] = questions;
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const unauth = await anonymous.post("/api/attempts", { data: { assessmentId, questionId: q.id, answer: { kind: "output", value: "" }, idempotencyKey: "anon-00001" } });
  expect(unauth.status()).toBe(401);
  expect(await unauth.json()).toMatchObject({ error: "unauthenticated" });

  const token = `hw_e2e_${userId}`;
  await prisma.apiToken.create({ data: { userId, name: "e2e", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });

  const variant = await api.get(`/api/assessments/${assessmentId}/questions/${q.id}/variant`);
  expect(variant.status()).toBe(200);
  const text = await variant.text();
  const { key } = await keyOf(userId, q.id, 1, q.definition);
  if (key.answer.kind !== "output") throw new Error("expected an output key");
  expect(text).not.toContain(key.answer.value.split("\n")[0]);
  for (const field of ["stdout", "trace", "expected", "alternatives", "moment"]) expect(text).not.toContain(`"${field}"`);
  expect(JSON.parse(text)).toMatchObject({ attemptNumber: 1, question: { kind: "output", prompt: expect.any(String), code: expect.any(String) } });

  const malformed = await api.post("/api/attempts", { data: { assessmentId, questionId: q.id, answer: { kind: "output", value: "" } } });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: "invalid", issues: [{ path: "idempotencyKey" }] });
  const wrongType = await api.post("/api/attempts", { data: { assessmentId, questionId: q.id, answer: { kind: "integer", value: 3 }, idempotencyKey: "wrong-type-1" } });
  expect(wrongType.status()).toBe(400);
  expect((await wrongType.json()).message).toMatch(/^The answer is not valid: /);
  const notJson = await api.post("/api/attempts", { headers: { "content-type": "application/json" }, data: "{oops" });
  expect(notJson.status()).toBe(400);
  const other = await prisma.question.findFirstOrThrow({ where: { courseId: null, slug: "what-assignment-does" } });
  const forbidden = await api.post("/api/attempts", { data: { assessmentId, questionId: other.id, answer: { kind: "choice", choice: 0 }, idempotencyKey: "not-mine-1" } });
  expect(forbidden.status()).toBe(403);
  expect(await forbidden.json()).toMatchObject({ error: "forbidden" });

  const submission = { assessmentId, questionId: q.id, answer: { kind: "output", value: key.answer.value }, idempotencyKey: "retry-me-0001" };
  const answers = await Promise.all([api.post("/api/attempts", { data: submission }), api.post("/api/attempts", { data: submission }), api.post("/api/attempts", { data: submission })]);
  const bodies = await Promise.all(answers.map((r) => r.json()));
  for (const r of answers) expect(r.status()).toBe(200);
  for (const b of bodies) expect(b).toEqual(bodies[0]);
  expect(bodies[0]).toMatchObject({ correct: true, score: 1, released: true, feedback: { summary: expect.stringMatching(/^Right/) } });
  expect(Object.keys(bodies[0])).toEqual(expect.arrayContaining(["attemptId", "correct", "score", "feedback"]));

  const mine = await api.get("/api/attempts");
  expect(((await mine.json()) as { attempts: unknown[] }).attempts).toHaveLength(1);
  const assessments = await api.get("/api/assessments");
  expect(((await assessments.json()) as { assessments: { id: string }[] }).assessments.map((a) => a.id)).toEqual([assessmentId]);
  await expectEachAttemptOnce(userId, 1);
  await anonymous.dispose();
  await api.dispose();
});

test("the diagram widget is answered from the keyboard alone", async ({ page }) => {
  const { userId, assessmentId, questions } = await setUp(page, { kind: "HOMEWORK", slugs: ["names-diagram"], releasePolicy: "IMMEDIATELY" });
  const [q] = questions;
  await page.goto(`/assessments/${assessmentId}/questions/${q.id}`);
  await expect(page.getByRole("heading", { name: "Attempt 1" })).toBeVisible();
  const { variant, key } = await keyOf(userId, q.id, 1, q.definition);
  const expected = expectedAnswer(q.definition, variant, key.answer);
  if (expected.kind !== "diagram") throw new Error("expected a diagram key");
  for (const [name, box] of Object.entries(expected.groups)) {
    // Enter on a focused button: the keyboard path, no pointer involved.
    await page.getByRole("group", { name: "Names" }).getByRole("button", { name: new RegExp(`^${name} → `) }).press("Enter");
    await page.getByRole("group", { name: "Objects" }).getByRole("button", { name: box === null ? "unbound" : `object ${box}`, exact: true }).press("Enter");
    await expect(page.getByRole("button", { name: `${name} → ${box === null ? "unbound" : `object ${box}`}` })).toBeVisible();
  }
  await page.screenshot({ path: path.join(shots, "diagram-question.png"), fullPage: true });
  await page.getByRole("button", { name: "Submit answer" }).press("Enter");
  await expect(page.getByTestId("verdict")).toContainText("Right · attempt 1");
  await expectEachAttemptOnce(userId, 1);
});
