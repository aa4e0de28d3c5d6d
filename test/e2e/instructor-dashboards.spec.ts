// The instructor dashboards in Chromium: who may see them, what they show, and the CSV exports.
//
// Everything goes through the app's own pages and JSON API, so this runs on the embedded database
// and on PostgreSQL alike. First: an instructor makes a course, and a student, another instructor,
// a stranger and an anonymous visitor are refused (403/404/sign-in) on every analytics page and
// export. Then a class: two assessments built and published in the builder, a TA added in the
// roster, four students answering through the API (the real grading path); the numbers on the
// dashboards, the sorting, the CSV rows, the TA's read-only regrade page, and that a student sees
// no key of an assessment whose results are released after it closes.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import type { KeyAnswer } from "../../lib/grading/key";
import { run } from "../../lib/sim";
import { createCourse, joinCourse, person, type Person, signIn, signUp } from "./helpers";

const shots = path.join(import.meta.dirname, "screenshots");

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

async function expectForbiddenPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
}

/** CSV text without the byte-order mark, as lines (the last CRLF ends the last line). */
function csvLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").replace(/\r\n$/, "").split("\r\n");
}

test("analytics and exports: the course's instructor only; students, other instructors and strangers are refused", async ({ browser }) => {
  const teacherContext = await browser.newContext();
  const page = await teacherContext.newPage();
  await signUp(page, person("Teacher"), { instructor: true });
  const course = await createCourse(page, "Gatekept analytics");
  const courseId = new URL(course.url).pathname.split("/")[2];
  const analytics = `/instructor/courses/${courseId}/analytics`;
  const grades = `/api/courses/${courseId}/exports/grades.csv`;

  const own = await page.goto(analytics);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Course analytics" })).toBeVisible();
  await expect(page.getByText("This course has no assessments yet.")).toBeVisible();
  await expectAccessible(page, "empty course dashboard");
  const csv = await page.request.get(grades);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="grades-/);
  expect(csvLines(await csv.text())).toEqual(["student,email"]);

  // A student of the course.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signUp(student, person("Student"));
  await joinCourse(student, course.code);
  await expect(student.getByTestId("enrolled-as")).toBeVisible();
  await expectForbiddenPage(student, analytics);
  await expectForbiddenPage(student, `${analytics}/assessments/anything`);
  expect((await student.request.get(grades)).status()).toBe(403);
  expect((await student.request.get(`/api/assessments/anything/exports/attempts.csv`)).status()).toBe(404);

  // An instructor of another course.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, person("Other"), { instructor: true });
  await expectForbiddenPage(other, analytics);
  expect((await other.request.get(grades)).status()).toBe(403);
  // A course that does not exist is a 404, for the page and the export.
  expect((await other.goto("/instructor/courses/no-such-course/analytics"))?.status()).toBe(404);
  expect((await other.request.get("/api/courses/no-such-course/exports/grades.csv")).status()).toBe(404);

  // Anonymous: the page sends to sign-in, the export answers 401.
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  const redirected = await anon.request.get(analytics, { maxRedirects: 0 });
  expect(redirected.status()).toBe(307);
  expect((await anon.request.get(grades)).status()).toBe(401);
  for (const c of [teacherContext, studentContext, otherContext, anonymous]) await c.close();
});

test.describe("on a class's data", () => {
  test.describe.configure({ mode: "serial" });

  type Seeded = {
    courseId: string;
    homeworkId: string;
    quizId: string;
    teacher: Person;
    ta: Person;
    students: (Person & { id: string })[];
    stranger: Person;
  };

  // Bank questions by title (the builder's search and its "Add <title>" buttons).
  const HOMEWORK = ["References held by a list", "`+=` on an int", "What does gc.collect() find?"];
  const QUIZ = ["The collector's thresholds"];
  // [student, question, right]: counted (BEST) totals Ada 3, Alan 1, Barbara 2, Guido 0; facility
  // of the three questions 2/3, 1/3 and 3/3 over the students who tried each.
  const PLAN: [number, number, boolean][] = [
    [0, 0, false],
    [0, 0, true],
    [0, 1, true],
    [0, 2, true],
    [1, 0, false],
    [1, 1, false],
    [1, 2, true],
    [2, 2, false],
    [2, 2, true],
    [2, 0, true],
    [3, 1, false],
  ];

  async function signedUp(browser: Browser, who: Person, instructor = false): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, who, { instructor });
    return { context, page };
  }

  /** Builds and publishes an assessment of bank questions in the builder, as an instructor does. */
  async function build(page: Page, courseId: string, title: string, questions: string[], opensAgoMs: number, release: "IMMEDIATELY" | "AFTER_CLOSE"): Promise<string> {
    await page.goto(`/instructor/courses/${courseId}/assessments/new`);
    await page.getByLabel("Title", { exact: true }).fill(title);
    for (const q of questions) {
      await page.getByLabel("Add a question: search by title or mechanism").fill(q.replace(/`[^`]*`\s*/g, ""));
      await page.getByRole("list", { name: "Matching templates" }).getByRole("button", { name: `Add ${q}`, exact: true }).click();
    }
    await expect(page.getByTestId("slot")).toHaveCount(questions.length);
    const now = Date.now();
    await page.getByLabel("Opens (UTC)").fill(new Date(now - opensAgoMs).toISOString().slice(0, 16));
    await page.getByLabel("Closes (UTC)").fill(new Date(now + 7 * 86_400_000).toISOString().slice(0, 16));
    await page.getByLabel("Students see scores and answers").selectOption(release);
    await page.getByRole("button", { name: "Create assessment" }).click();
    await expect(page.getByText("Assessment created as a draft. Publish it when it is ready.")).toBeVisible();
    const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("Published: enrolled students see it from its open date.").first()).toBeVisible();
    return id;
  }

  /** Everything through the app's own pages and API, so this runs on either database. */
  async function seed(browser: Browser): Promise<Seeded> {
    const teacher = person("Grace");
    const { context, page } = await signedUp(browser, teacher, true);
    const course = await createCourse(page, "Dashboards");
    const courseId = new URL(course.url).pathname.split("/")[2];
    // The grades CSV orders its columns by opening time: the homework opens first.
    const homeworkId = await build(page, courseId, "Homework: references", HOMEWORK, 2 * 3_600_000, "IMMEDIATELY");
    const quizId = await build(page, courseId, "Check: the collector", QUIZ, 3_600_000, "AFTER_CLOSE");
    const ta = person("Tim");
    const taContext = await signedUp(browser, ta);
    await taContext.context.close();
    await page.goto(`/instructor/courses/${courseId}/roster`);
    await page.getByLabel("Email of their account").fill(ta.email);
    await page.getByLabel("Role", { exact: true }).selectOption("TA");
    await page.getByRole("button", { name: "Add to course" }).click();
    await expect(page.getByText(ta.email).first()).toBeVisible();
    await context.close();
    const stranger = person("Other");
    await (await signedUp(browser, stranger, true)).context.close();
    const students = [];
    for (const label of ["Ada", "Alan", "Barbara", "Guido"]) {
      const who = person(label);
      const signed = await signedUp(browser, who);
      await joinCourse(signed.page, course.code);
      await expect(signed.page.getByTestId("enrolled-as")).toBeVisible();
      const me = (await (await signed.page.request.get("/api/me")).json()) as { user: { id: string } };
      students.push({ ...who, id: me.user.id });
      await signed.context.close();
    }
    return { courseId, homeworkId, quizId, teacher, ta, students, stranger };
  }

  async function contextFor(browser: Browser, who: Person, scheme: "light" | "dark" = "light"): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, who);
    await expect(page).toHaveURL(/\/dashboard$/);
    return { context, page };
  }

  /**
   * The key of the student's current variant, from the program the variant API shows them: these
   * questions' answer is the last line the program prints, run here on the same simulator.
   */
  async function keyOf(page: Page, assessmentId: string, title: string): Promise<{ questionId: string; key: KeyAnswer }> {
    const detail = (await (await page.request.get(`/api/assessments/${assessmentId}`)).json()) as { slots: { questionId: string; title: string }[] };
    const questionId = detail.slots.find((x) => x.title === title)?.questionId ?? "";
    const variant = await page.request.get(`/api/assessments/${assessmentId}/questions/${questionId}/variant`);
    expect(variant.status()).toBe(200);
    const { question } = (await variant.json()) as { question: { code: string; mode: "script" | "repl"; kind: string } };
    const result = run(question.code, { python: "3.12", mode: question.mode });
    expect(result.exitCode).toBe(0);
    const last = result.stdout.trimEnd().split("\n").at(-1) ?? "";
    if (question.kind === "integer") return { questionId, key: { kind: "integer", value: Number(last) } };
    if (question.kind === "boolean") return { questionId, key: { kind: "boolean", value: last === "True" } };
    throw new Error(`this test answers integer and boolean questions only, not ${question.kind}`);
  }

  function answerFor(key: KeyAnswer, right: boolean): KeyAnswer {
    if (right) return key;
    if (key.kind === "integer") return { kind: "integer", value: key.value + 1 };
    if (key.kind === "boolean") return { kind: "boolean", value: !key.value };
    throw new Error(`this test answers integer and boolean questions only, not ${key.kind}`);
  }

  async function submit(page: Page, assessmentId: string, title: string, right: boolean) {
    const { questionId, key } = await keyOf(page, assessmentId, title);
    const response = await page.request.post("/api/attempts", {
      data: { assessmentId, questionId, answer: answerFor(key, right), idempotencyKey: `e2e-${Math.random().toString(36).slice(2, 12)}` },
    });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { released: boolean; correct: boolean | null; feedback: unknown };
  }

  let s: Seeded;

  test("students answer; no key of the assessment released after it closes reaches a student", async ({ browser }) => {
    test.setTimeout(240_000);
    s = await seed(browser);
    for (const [i, student] of s.students.entries()) {
      const { context, page } = await contextFor(browser, student);
      for (const [who, q, right] of PLAN) if (who === i) expect((await submit(page, s.homeworkId, HOMEWORK[q], right)).correct).toBe(right);
      if (i === 0) {
        const quiz = await submit(page, s.quizId, QUIZ[0], true);
        expect(quiz).toMatchObject({ released: false, correct: null, feedback: null });
        const mine = await page.request.get(`/api/attempts?assessmentId=${s.quizId}`);
        const body = (await mine.json()) as { attempts: { released: boolean; score: number | null; feedback: unknown }[] };
        expect(body.attempts).toEqual([expect.objectContaining({ released: false, score: null, feedback: null })]);
        expect(JSON.stringify(body)).not.toContain("expected");
        // Nor do the staff pages or exports open to a student.
        await expectForbiddenPage(page, `/instructor/courses/${s.courseId}/analytics/students/${student.id}`);
        await expectForbiddenPage(page, `/instructor/courses/${s.courseId}/analytics/assessments/${s.quizId}`);
        expect((await page.request.get(`/api/assessments/${s.quizId}/exports/attempts.csv`)).status()).toBe(403);
        expect((await page.request.get(`/api/courses/${s.courseId}/exports/grades.csv`)).status()).toBe(403);
      }
      await context.close();
    }
  });

  test("the course dashboard: distributions, the heatmap (sortable), progress, grades CSV", async ({ browser }) => {
    const { context, page } = await contextFor(browser, s.teacher);
    await page.goto(`/instructor/courses/${s.courseId}/analytics`);
    await expect(page.getByRole("heading", { name: "Course analytics" })).toBeVisible();
    const homework = page.getByTestId("assessment-summary").filter({ hasText: "Homework: references" });
    await expect(homework).toContainText("4 students attempted");
    await expect(homework).toContainText("mean 1.5 and median 1.5 of 3 points");
    await expect(homework.locator(".recharts-bar-rectangle").first()).toBeAttached();
    await homework.getByText("Show the data as a table").click();
    // Totals 0, 1, 2, 3 of 3 points: one student each in the 0-10, 30-40 and 60-70 % bands, one at 100 %.
    await expect(homework.getByRole("row", { name: "0–10 1" })).toBeVisible();
    await expect(homework.getByRole("row", { name: "90–100 1" })).toBeVisible();

    const heatmap = page.getByTestId("mastery-heatmap");
    const names = () => heatmap.locator("tbody tr th").allTextContents();
    await expect(heatmap.locator("tbody tr")).toHaveCount(4);
    const header = heatmap.getByRole("columnheader", { name: "Student" });
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    expect(await names()).toEqual(s.students.map((x) => x.name).sort((a, b) => a.localeCompare(b)));
    await header.getByRole("button").press("Enter");
    await expect(header).toHaveAttribute("aria-sort", "descending");
    expect(await names()).toEqual(s.students.map((x) => x.name).sort((a, b) => b.localeCompare(a)));

    await expect(page.getByTestId("progress-chart")).toContainText("12 attempts over 1 week");
    await expectAccessible(page, "course dashboard");
    await page.screenshot({ path: path.join(shots, "instructor-course-analytics-light.png"), fullPage: true });
    const dark = await contextFor(browser, s.teacher, "dark");
    await dark.page.goto(`/instructor/courses/${s.courseId}/analytics`);
    await expect(dark.page.getByTestId("mastery-heatmap").locator("tbody tr")).toHaveCount(4);
    await expectAccessible(dark.page, "course dashboard (dark)");
    await dark.page.screenshot({ path: path.join(shots, "instructor-course-analytics-dark.png"), fullPage: true });
    await dark.context.close();

    const csv = await page.request.get(`/api/courses/${s.courseId}/exports/grades.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = csvLines(await csv.text());
    expect(lines[0]).toBe("student,email,Homework: references,Check: the collector");
    const expected = [3, 1, 2, 0].map((total, i) => `${s.students[i].name},${s.students[i].email},${total},${i === 0 ? 1 : ""}`);
    expect(lines.slice(1).sort()).toEqual(expected.sort());
    await context.close();
  });

  test("the assessment dashboard: scores, alpha, items by version (sortable), attempts CSV, drill-down", async ({ browser }) => {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await contextFor(browser, s.teacher, scheme);
      const url = `/instructor/courses/${s.courseId}/analytics/assessments/${s.homeworkId}`;
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "Homework: references" })).toBeVisible();
      await expect(page.getByTestId("score-distribution")).toContainText("4 students; mean 1.50, median 1.50");
      await expect(page.getByTestId("cronbach-alpha")).toContainText("Over 4 students and 3 items");
      const items = page.getByTestId("item-table");
      await expect(items.locator("tbody tr")).toHaveCount(3);
      await expect(items.locator("svg.recharts-surface")).toHaveCount(3);
      const facility = items.getByRole("columnheader", { name: "Facility" });
      await facility.getByRole("button").click();
      await expect(facility).toHaveAttribute("aria-sort", "ascending");
      await expect(items.locator("tbody tr td:nth-child(5)")).toHaveText(["33 %", "67 %", "100 %"]);
      await facility.getByRole("button").click();
      await expect(items.locator("tbody tr td:nth-child(5)")).toHaveText(["100 %", "67 %", "33 %"]);
      await expectAccessible(page, `assessment dashboard (${scheme})`);
      await page.screenshot({ path: path.join(shots, `instructor-assessment-analytics-${scheme}.png`), fullPage: true });

      await page.getByLabel("Template version").selectOption("each");
      await page.getByRole("button", { name: "Show" }).click();
      await expect(items.locator("tbody tr td:nth-child(3)")).toHaveText(["v1", "v1", "v1"]);
      await context.close();
    }

    const { context, page } = await contextFor(browser, s.teacher);
    const csv = await page.request.get(`/api/assessments/${s.homeworkId}/exports/attempts.csv`);
    expect(csv.status()).toBe(200);
    const lines = csvLines(await csv.text());
    expect(lines[0]).toBe("attempt,submitted,email,assessment,question,version,answer,correct,score,points,misconception,timeTakenMs");
    expect(lines).toHaveLength(1 + PLAN.length);
    const perStudent = s.students.map((st) => lines.filter((l) => l.includes(`,${st.email},`)).length);
    expect(perStudent).toEqual(s.students.map((_, i) => PLAN.filter(([who]) => who === i).length));
    expect(lines.slice(1).filter((l) => l.includes(",true,")).length).toBe(PLAN.filter(([, , right]) => right).length);

    // Alan's drill-down: three attempts with answer, key and a trace of one of them.
    const alan = s.students[1];
    await page.goto(`/instructor/courses/${s.courseId}/analytics/students/${alan.id}`);
    await expect(page.getByRole("heading", { name: alan.name })).toBeVisible();
    const rows = page.getByTestId("drill-down").locator(":scope > tbody > tr"); // not the key moments' own tables
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "✗" })).toHaveCount(2);
    await rows.first().getByRole("link", { name: "Step through" }).click();
    await expect(page.getByRole("heading", { name: "Step through the chosen attempt's program" })).toBeVisible();
    await expectAccessible(page, "drill-down");
    await page.screenshot({ path: path.join(shots, "instructor-student-drilldown-light.png"), fullPage: true });
    await context.close();
  });

  test("a TA reads the dashboards and exports but cannot regrade; another course's instructor sees nothing", async ({ browser }) => {
    const base = `/instructor/courses/${s.courseId}/analytics`;
    const ta = await contextFor(browser, s.ta);
    expect((await ta.page.goto(base))?.status()).toBe(200);
    await expect(ta.page.getByTestId("mastery-heatmap")).toBeVisible();
    expect((await ta.page.goto(`${base}/assessments/${s.homeworkId}`))?.status()).toBe(200);
    await expect(ta.page.getByTestId("item-table")).toBeVisible();
    expect((await ta.page.request.get(`/api/assessments/${s.homeworkId}/exports/attempts.csv`)).status()).toBe(200);
    await ta.page.goto(`${base}/assessments/${s.homeworkId}/regrade?preview=1`);
    await expect(ta.page.getByTestId("regrade-read-only")).toBeVisible();
    await expect(ta.page.getByRole("button", { name: "Preview" })).toHaveCount(0);
    await expect(ta.page.getByTestId("regrade-preview")).toHaveCount(0);
    await ta.context.close();

    const stranger = await contextFor(browser, s.stranger);
    for (const url of [base, `${base}/assessments/${s.homeworkId}`, `${base}/assessments/${s.homeworkId}/regrade`, `${base}/students/${s.students[0].id}`]) {
      await expectForbiddenPage(stranger.page, url);
    }
    expect((await stranger.page.request.get(`/api/courses/${s.courseId}/exports/grades.csv`)).status()).toBe(403);
    expect((await stranger.page.request.get(`/api/assessments/${s.homeworkId}/exports/attempts.csv`)).status()).toBe(403);
    await stranger.context.close();
  });
});
