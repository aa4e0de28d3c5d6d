// The whole instructor flow in Chromium, through the app's own pages only (so it runs on the
// embedded database and on PostgreSQL alike): an instructor authors a template (editor, preview,
// check 100 variants), puts it in an assessment and publishes it; three students answer; the
// attempts show on the dashboards; the instructor fixes the template (version 2) and regrades, and
// exactly the affected students' scores change, by the amounts the preview promised.
//
// The template's bug: version 1 copies the list (`b = a[:]`) where the question is about an alias
// (`b = a`), so its key is n where the intended one is n + 1. Ada answers n + 1 (right about
// aliasing, marked wrong), Alan answers n (marked right), Barbara answers nonsense (wrong under
// both). Regrading to version 2 must turn Ada 0 -> 1 and Alan 1 -> 0, and leave Barbara alone.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { createCourse, joinCourse, person, type Person, signUp } from "./helpers";

const shots = path.join(import.meta.dirname, "screenshots");

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

/**
 * Replaces the CodeMirror document by typing, as an author would. Our lines are all at column 0
 * and none ends with a colon, so Enter starts the next one at column 0 (Shift+Tab would leave the
 * editor: Tab does not trap focus there). Escape first closes the completion list, which would
 * otherwise take the Enter (after "b = a" it offers the word "a").
 */
async function typeCode(page: Page, code: string): Promise<void> {
  const editor = page.getByTestId("code-editor");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  for (const [i, line] of code.split("\n").entries()) {
    if (i > 0) {
      await page.keyboard.press("Escape");
      await page.keyboard.press("Enter");
    }
    await page.keyboard.type(line);
  }
  await page.keyboard.press("Escape");
  await expect(editor.locator(".cm-line")).toHaveText(code.split("\n"));
}

const BUGGY = "a = [0] * {{n}}\nb = a[:]\nb.append(1)\nprint(len(a))";
const FIXED = "a = [0] * {{n}}\nb = a\nb.append(1)\nprint(len(a))";
const TITLE = "An alias grows the list";

type Student = Person & { answer: (n: number) => number; before: number; after: number };

async function studentAnswers(browser: Browser, who: Student, joinCode: string, assessmentId: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, who);
  await joinCourse(page, joinCode);
  await expect(page.getByTestId("enrolled-as")).toBeVisible();
  const assessment = await page.request.get(`/api/assessments/${assessmentId}`);
  expect(assessment.status()).toBe(200);
  const { slots } = (await assessment.json()) as { slots: { questionId: string; title: string }[] };
  expect(slots.map((s) => s.title)).toEqual([TITLE]);
  const variant = await page.request.get(`/api/assessments/${assessmentId}/questions/${slots[0].questionId}/variant`);
  const { question } = (await variant.json()) as { question: { code: string } };
  const n = Number(/a = \[0\] \* (\d+)/.exec(question.code)?.[1]);
  expect(n).toBeGreaterThanOrEqual(1);
  const response = await page.request.post("/api/attempts", {
    data: { assessmentId, questionId: slots[0].questionId, answer: { kind: "integer", value: who.answer(n) }, idempotencyKey: `flow-${Math.random().toString(36).slice(2, 12)}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { score: number }).score).toBe(who.before);
  await context.close();
}

test("author, publish, answer, see it on the dashboard, fix the template and regrade exactly the affected scores", async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signUp(page, person("Grace"), { instructor: true });
  const course = await createCourse(page, "Memory in Python: the full flow");
  const courseId = new URL(course.url).pathname.split("/").at(-1) ?? "";
  const base = `/instructor/courses/${courseId}`;

  // Author the template: preview (key n under the buggy version 1), check 100 variants, create.
  await page.goto(`${base}/questions/new`);
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Slug").fill("alias-grows");
  await typeCode(page, BUGGY);
  await expect(page.getByTestId("code-editor")).toContainText("b = a[:]");
  const variants = page.getByTestId("preview-variant");
  await expect(variants).toHaveCount(3, { timeout: 30_000 });
  for (const v of await variants.all()) {
    const n = Number(/n=(\d+)/.exec((await v.getByRole("heading").textContent()) ?? "")?.[1]);
    await expect(v.getByTestId("preview-key")).toHaveText(String(n));
  }
  await page.getByRole("button", { name: "Check 100 variants" }).click();
  await expect(page.getByTestId("check-result")).toContainText("100 gradable", { timeout: 60_000 });
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/questions/c[a-z0-9]+\\?created=1$`));
  const questionUrl = page.url().replace(/\?.*$/, "");

  // Put it in a homework, open now, results at once; publish.
  await page.goto(`${base}/assessments/new`);
  await page.getByLabel("Title", { exact: true }).fill("Homework: aliasing");
  await page.getByLabel("Add a question: search by title or mechanism").fill("alias grows");
  const matches = page.getByRole("list", { name: "Matching templates" });
  await matches.getByRole("button", { name: new RegExp(`^Add ${TITLE}`) }).first().click();
  await expect(page.getByTestId("slot")).toHaveCount(1);
  const now = Date.now();
  await page.getByLabel("Opens (UTC)").fill(new Date(now - 3_600_000).toISOString().slice(0, 16));
  await page.getByLabel("Closes (UTC)").fill(new Date(now + 7 * 86_400_000).toISOString().slice(0, 16));
  await page.getByLabel("Students see scores and answers").selectOption("IMMEDIATELY");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByText("Assessment created as a draft. Publish it when it is ready.")).toBeVisible();
  const assessmentId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: enrolled students see it from its open date.").first()).toBeVisible();

  // Three students answer through the JSON API (the real grading path).
  const tag = Math.random().toString(36).slice(2, 6);
  const students: Student[] = [
    { ...person("Ada"), name: `Ada ${tag}`, answer: (n) => n + 1, before: 0, after: 1 },
    { ...person("Alan"), name: `Alan ${tag}`, answer: (n) => n, before: 1, after: 0 },
    { ...person("Barbara"), name: `Barbara ${tag}`, answer: (n) => n + 7, before: 0, after: 0 },
  ];
  for (const s of students) await studentAnswers(browser, s, course.code, assessmentId);

  // The attempts on the assessment dashboard: three students, one of them right.
  const dashboard = `${base}/analytics/assessments/${assessmentId}`;
  await page.goto(dashboard);
  await expect(page.getByTestId("score-distribution")).toContainText("3 students; mean 0.33");
  const row = page.getByTestId("item-table").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row.locator("td:nth-child(4)")).toHaveText("3");
  await expect(row.locator("td:nth-child(5)")).toHaveText("33 %");

  // Fix the template: version 2.
  await page.goto(questionUrl);
  await typeCode(page, FIXED);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByTestId("editor-message")).toHaveText("Saved as version 2.");

  // Regrade: the latest version by default; the preview names exactly Ada (+1) and Alan (-1).
  await page.goto(`${dashboard}/regrade`);
  await expect(page.getByLabel("New version")).toHaveValue("");
  await expect(page.getByLabel("New version").locator("option").first()).toHaveText("Latest (version 2)");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("regrade-preview");
  await expect(preview).toContainText("3 attempts were graded with an older version; 2 of them would change score");
  const changes = preview.getByTestId("regrade-changes").locator("tbody tr");
  const changed = students.filter((s) => s.before !== s.after);
  await expect(changes).toHaveCount(changed.length);
  for (const s of changed) {
    const delta = s.after - s.before;
    await expect(changes.filter({ hasText: s.name })).toContainText(`${s.before.toFixed(2)}${s.after.toFixed(2)}${delta > 0 ? "+" : ""}${delta.toFixed(2)}`);
  }
  await expectAccessible(page, "regrade preview");
  await page.screenshot({ path: path.join(shots, "instructor-regrade-preview.png"), fullPage: true });

  // A second tab with the same preview: the double submit, applied after the first.
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole("button", { name: "Apply regrade" })).toBeVisible();

  // Apply needs the confirmation; then it is recorded once.
  await page.getByRole("button", { name: "Apply regrade" }).click();
  await expect(page.getByText("Tick the box to confirm the regrade.")).toBeVisible();
  await page.getByLabel(/Regrade 3 attempts to version 2/).check();
  await page.getByRole("button", { name: "Apply regrade" }).click();
  await expect(page).toHaveURL(/\/regrade\?applied=c[a-z0-9]+$/);
  await expect(page.getByTestId("regrade-applied")).toHaveText(`Regrade applied: ${TITLE} from version 1 to 2; 2 scores changed. It is recorded below.`);
  await second.getByLabel(/Regrade 3 attempts to version 2/).check();
  await second.getByRole("button", { name: "Apply regrade" }).click();
  await expect(second.getByTestId("regrade-applied")).toHaveText("Nothing was regraded: no attempt was graded with an older version.");
  await second.close();
  await page.goto(`${dashboard}/regrade?preview=1`);
  await expect(page.getByTestId("regrade-preview")).toContainText("Nothing to apply");
  const history = page.getByTestId("regrade-history").getByRole("listitem").filter({ hasText: "regraded" });
  await expect(history).toHaveCount(1);
  await expect(history).toContainText("from version 1 to 2; 2 scores changed.");
  for (const s of changed) await expect(history).toContainText(`${s.name}: ${s.before.toFixed(2)} → ${s.after.toFixed(2)}`);
  await expect(history).not.toContainText(students[2].name);

  // Every student's score, after: exactly the previewed ones moved.
  const csv = await page.request.get(`/api/courses/${courseId}/exports/grades.csv`);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("student,email,Homework: aliasing");
  expect(lines.slice(1).sort()).toEqual(students.map((s) => `${s.name},${s.email},${s.after}`).sort());
  await page.goto(`${dashboard}?version=each`);
  await expect(row.locator("td:nth-child(3)")).toHaveText("v2");
  await expect(row.locator("td:nth-child(5)")).toHaveText("33 %");
  await context.close();
});
