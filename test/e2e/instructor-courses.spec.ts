// Running a course in Chromium: an instructor adds a TA and a student to the roster, issues a new
// join code (the old one stops working, the new one works), closes it, builds an assessment from
// the shared bank (a field error first, then a draft, then published) and a student sees it on
// /assessments. A TA then sees the roster, the join code and the assessment, read only: no edit
// buttons, and a server action the instructor's browser sent, replayed with the TA's cookies, is
// refused by the server. Last, who may open the course's staff pages: anonymous → sign-in, a
// student of the course and another course's instructor → 403, a missing course → 404.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createCourse, joinCourse, type Person, person, signUp } from "./helpers";

const shots = path.join(import.meta.dirname, "screenshots");

test.describe.configure({ mode: "serial" });

async function noSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

/** A signed-up user in a browser context of their own. */
async function newUser(browser: Browser, label: string, options: { instructor?: boolean; colorScheme?: "light" | "dark" } = {}): Promise<{ who: Person; context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? "light", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const who = person(label);
  await signUp(page, who, { instructor: options.instructor });
  return { who, context, page };
}

/** A tab of the course's tab bar (the header has an "Assessments" link too). */
const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "Course" }).getByRole("link", { name, exact: true });

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** Records the next server-action POST the page sends, to replay it as someone else. */
function captureAction(page: Page): Promise<Captured> {
  return page
    .waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined)
    .then((r) => ({ url: r.url(), headers: r.headers(), body: r.postDataBuffer() ?? Buffer.alloc(0) }));
}

const state: {
  teacher?: { who: Person; context: BrowserContext; page: Page };
  ta?: Person;
  student?: Person;
  courseUrl?: string;
  courseId?: string;
  assessmentUrl?: string;
  closeCodeAction?: Captured;
} = {};

test.afterAll(async () => {
  await state.teacher?.context.close();
});

test("an instructor builds the roster, renews the join code and publishes an assessment a student sees", async ({ browser }) => {
  const teacher = await newUser(browser, "Teacher", { instructor: true });
  state.teacher = teacher;
  const ta = await newUser(browser, "Assistant");
  const student = await newUser(browser, "Learner");
  state.ta = ta.who;
  state.student = student.who;
  const { page } = teacher;

  const title = `Memory management ${ta.who.email.slice(10, 18)}`;
  const course = await createCourse(page, title, "3.13");
  const oldCode = course.code;
  await page.goto("/instructor");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  state.courseUrl = page.url();
  state.courseId = state.courseUrl.split("/").pop() ?? "";
  await expect(tab(page, "Overview")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("join-code")).toHaveText(oldCode);
  await noSeriousViolations(page, "overview");

  // Roster: an unknown e-mail is a field error; the TA and the student are added by e-mail.
  await tab(page, "Roster").click();
  await expect(page.getByTestId("owner-row")).toContainText("Instructor (owner)");
  await page.getByLabel("Email of their account").fill("nobody-here@example.test");
  await page.getByRole("button", { name: "Add to course" }).click();
  await expect(page.locator("#email-error")).toHaveText("No account uses this email. Ask them to sign up first, then add them.");
  await page.getByLabel("Email of their account").fill(ta.who.email);
  await page.getByLabel("Role", { exact: true }).selectOption("TA");
  await page.getByRole("button", { name: "Add to course" }).click();
  await expect(page.getByText(`${ta.who.name} is now a TA of this course.`)).toBeVisible();
  await page.getByLabel("Email of their account").fill(student.who.email.toUpperCase());
  await page.getByLabel("Role", { exact: true }).selectOption("STUDENT");
  await page.getByRole("button", { name: "Add to course" }).click();
  await expect(page.getByText(`${student.who.name} is now a student of this course.`)).toBeVisible();
  const rows = page.getByTestId("member-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(ta.who.name);
  await expect(rows.nth(0).getByTestId("member-role")).toHaveText("TA");
  await expect(rows.nth(1).getByTestId("member-role")).toHaveText("Student");
  // The owner's row has no controls: the owner can be neither removed nor demoted.
  await expect(page.getByTestId("owner-row").getByRole("button")).toHaveCount(0);

  // Server-side search by name.
  await page.getByLabel("Search by name or email").fill(student.who.name.split(" ")[1]);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/roster\?q=/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(student.who.email);
  await page.goto(`${state.courseUrl}/roster`);
  await page.screenshot({ path: path.join(shots, "instructor-roster.png"), fullPage: true });
  await noSeriousViolations(page, "roster");

  // Join codes: a new code retires the old one at once.
  await tab(page, "Overview").click();
  await page.getByRole("button", { name: "New join code" }).click();
  await page.getByRole("button", { name: "Yes, issue a new code" }).click();
  await expect(page.getByText(/^New join code [A-Z2-9]{8}\. The old code no longer works\.$/)).toBeVisible();
  await expect(page.getByTestId("join-code")).not.toHaveText(oldCode);
  const newCode = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  const joiner = await newUser(browser, "Joiner");
  await joinCourse(joiner.page, oldCode);
  await expect(joiner.page.locator("#code-error")).toHaveText("No course takes this join code. Check it with your instructor.");
  await joinCourse(joiner.page, newCode);
  await expect(joiner.page.getByText(`You joined ${title}.`)).toBeVisible();

  // Closing the code stops the next student; the instructor's click is kept to replay as the TA later.
  const captured = captureAction(page);
  await page.getByRole("button", { name: "Close the join code" }).click();
  state.closeCodeAction = await captured;
  await expect(page.getByText("The join code is closed: nobody new can join.")).toBeVisible();
  const late = await newUser(browser, "Late");
  await joinCourse(late.page, newCode);
  await expect(late.page.locator("#code-error")).toHaveText("No course takes this join code. Check it with your instructor.");
  await page.getByRole("button", { name: "Reopen the join code" }).click();
  await expect(page.getByText("The join code works again.")).toBeVisible();
  await late.context.close();

  // Remove (with a confirmation) the student who joined by code.
  await tab(page, "Roster").click();
  await expect(rows).toHaveCount(3);
  await page.getByRole("button", { name: `Remove ${joiner.who.name}` }).click();
  await page.getByRole("button", { name: `Remove ${joiner.who.name}?` }).click();
  await expect(page.getByText("Removed from the course. Their graded attempts are kept; they can rejoin with the join code.")).toBeVisible();
  await expect(rows).toHaveCount(2);
  await joiner.context.close();

  // The builder: two bank questions, reordered, a date error shown at its field, then a draft.
  await tab(page, "Assessments").click();
  await page.getByRole("link", { name: "New assessment" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Homework 1: reference counts");
  await page.getByLabel("Add a question: search by title or mechanism").fill("refcount");
  const matches = page.getByRole("list", { name: "Matching templates" });
  const firstTitle = (await matches.getByRole("listitem").first().textContent())?.split(" · ")[0].trim() ?? "";
  await matches.getByRole("button", { name: /^Add / }).first().click();
  const secondTitle = (await matches.getByRole("listitem").first().textContent())?.split(" · ")[0].trim() ?? "";
  await matches.getByRole("button", { name: /^Add / }).first().click();
  const slots = page.getByTestId("slot");
  await expect(slots).toHaveCount(2);
  await page.getByLabel("Points").nth(1).fill("3");
  await page.getByRole("button", { name: `Move ${secondTitle} up` }).click();
  await expect(slots.first()).toContainText(secondTitle);
  await page.getByLabel("Attempts per question").fill("3");
  await page.getByLabel("Students see scores and answers").selectOption("AFTER_CLOSE");
  const opens = (await page.getByLabel("Opens (UTC)").inputValue()) || "";
  await page.getByLabel("Closes (UTC)").fill(opens);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.locator("#closesAt-error")).toHaveText("The close date must be after the open date.");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Homework 1: reference counts"); // nothing typed is lost
  // Opens an hour ago, closes in a week: open to students as soon as it is published.
  const now = Date.now();
  await page.getByLabel("Opens (UTC)").fill(new Date(now - 3_600_000).toISOString().slice(0, 16));
  await page.getByLabel("Closes (UTC)").fill(new Date(now + 7 * 86_400_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByText("Assessment created as a draft. Publish it when it is ready.")).toBeVisible();
  state.assessmentUrl = page.url().replace(/\?.*$/, "");
  await expect(slots.first()).toContainText(secondTitle);
  await expect(slots.nth(1)).toContainText(firstTitle);
  await expect(page.getByLabel("Points").first()).toHaveValue("3");
  await expect(page.getByTestId("publish-state")).toHaveText("Draft: students do not see it.");
  await page.screenshot({ path: path.join(shots, "instructor-builder.png"), fullPage: true });
  await noSeriousViolations(page, "builder");

  // Not yet published: the student does not see it.
  await student.page.goto("/assessments");
  await expect(student.page.getByText("Homework 1: reference counts")).toHaveCount(0);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: enrolled students see it from its open date.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();

  await student.page.goto("/assessments");
  await expect(student.page.getByText("Homework 1: reference counts").first()).toBeVisible();

  await page.goto(`${state.courseUrl}/assessments`);
  const listed = page.getByTestId("assessments").getByRole("row", { name: /Homework 1: reference counts/ });
  await expect(listed).toContainText("Published");
  await expect(listed).toContainText("Homework");
  await noSeriousViolations(page, "assessment list");
  await page.goto(state.courseUrl);
  await page.screenshot({ path: path.join(shots, "instructor-course-overview.png"), fullPage: true });
  await ta.context.close();
  await student.context.close();
});

test("a TA sees the course read only, and the server refuses a TA's forged action", async ({ browser }) => {
  if (!state.ta || !state.courseUrl || !state.closeCodeAction) throw new Error("needs the course built by the previous test (run the file whole: its tests are serial)");
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const ta = state.ta as Person;
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ta.email);
  await page.getByLabel("Password").fill(ta.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/instructor");
  await expect(page.getByRole("link", { name: "Create a course" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Memory management/ })).toBeVisible();
  // The course page (where a TA lands from /courses) links to the staff pages.
  await page.goto((state.courseUrl as string).replace("/instructor/courses/", "/courses/"));
  await page.getByRole("link", { name: "Open the course's staff pages (read only)" }).click();
  await expect(page.getByTestId("read-only")).toHaveText("Teaching assistant: read only");
  await expect(page.getByTestId("join-code")).toHaveText(/^[A-Z2-9]{8}$/);
  await expect(page.getByRole("button")).toHaveText(["Sign out"]); // no join-code buttons

  await tab(page, "Roster").click();
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Add to course" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Save the role/ })).toHaveCount(0);
  await noSeriousViolations(page, "roster (TA, dark)");

  await tab(page, "Assessments").click();
  await expect(page.getByRole("link", { name: "New assessment" })).toHaveCount(0);
  await page.getByRole("link", { name: "Homework 1: reference counts", exact: true }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Homework 1: reference counts");
  await expect(page.getByLabel("Title", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: /Save changes|Publish|Unpublish|^Remove/ })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, "instructor-builder-ta-dark.png"), fullPage: true });
  await noSeriousViolations(page, "builder (TA, dark)");
  const newPage = await page.goto(`${state.courseUrl}/assessments/new`);
  expect(newPage?.status()).toBe(403);

  // The instructor's "close the join code" action, replayed with the TA's cookies.
  const forged = state.closeCodeAction as Captured;
  const headers = Object.fromEntries(Object.entries(forged.headers).filter(([k]) => !["cookie", "content-length", "host"].includes(k.toLowerCase())));
  const response = await page.request.post(forged.url, { headers, data: forged.body });
  const text = await response.text();
  expect(text).toContain("You are not in this course with the needed role.");
  await page.goto(state.courseUrl as string);
  await expect(page.getByRole("heading", { name: "Join code (open)" })).toBeVisible();
  await context.close();

  // The same request with the instructor's own cookies does close the code: the replay is faithful.
  const teacher = state.teacher?.page as Page;
  const own = await teacher.request.post(forged.url, { headers, data: forged.body });
  expect(await own.text()).toContain("The join code is closed: nobody new can join.");
  await teacher.goto(state.courseUrl as string);
  await expect(teacher.getByRole("heading", { name: "Join code (closed: nobody new can join)" })).toBeVisible();
});

test("who may open a course's staff pages", async ({ browser }) => {
  if (!state.courseUrl || !state.student || !state.assessmentUrl) throw new Error("needs the course built by the first test (run the file whole: its tests are serial)");
  const courseUrl = state.courseUrl as string;
  const pages = [courseUrl, `${courseUrl}/roster`, `${courseUrl}/assessments`, `${courseUrl}/assessments/new`, state.assessmentUrl as string];

  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  for (const url of pages) {
    await anonPage.goto(url);
    await expect(anonPage).toHaveURL(/\/signin\?callbackUrl=/);
  }
  await anonymous.close();

  const stranger = await newUser(browser, "Stranger", { instructor: true });
  for (const url of pages) expect(`${url}: ${(await stranger.page.goto(url))?.status()}`).toBe(`${url}: 403`);
  expect((await stranger.page.goto("/instructor/courses/no-such-course/roster"))?.status()).toBe(404);
  await stranger.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const student = state.student as Person;
  await page.goto("/signin");
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill(student.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const url of pages) expect(`${url}: ${(await page.goto(url))?.status()}`).toBe(`${url}: 403`);
  expect((await page.goto("/instructor"))?.status()).toBe(403);
  await context.close();

  const teacher = state.teacher?.page as Page;
  for (const url of pages) expect(`${url}: ${(await teacher.goto(url))?.status()}`).toBe(`${url}: 200`);
});

test("the course JSON API follows the same rule: TAs read, instructors change", async ({ browser }) => {
  if (!state.courseId || !state.ta || !state.teacher) throw new Error("needs the course built by the first test (run the file whole: its tests are serial)");
  const api = `/api/courses/${state.courseId}`;
  const teacher = state.teacher?.page as Page;
  const context = await browser.newContext();
  const page = await context.newPage();
  const ta = state.ta as Person;
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ta.email);
  await page.getByLabel("Password").fill(ta.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const roster = await page.request.get(`${api}/roster?q=${encodeURIComponent(ta.name)}`);
  expect(roster.status()).toBe(200);
  const body = (await roster.json()) as { members: { userId: string; role: string }[]; total: number };
  expect(body.members).toEqual([expect.objectContaining({ role: "TA" })]);
  const taId = body.members[0].userId;
  expect((await page.request.get(`${api}/assessments`)).status()).toBe(200);
  expect((await page.request.get(`${api}/join-code`)).status()).toBe(200);
  // Every change is a 403 for the TA, and changes nothing.
  expect((await page.request.post(`${api}/roster`, { data: { email: ta.email, role: "INSTRUCTOR" } })).status()).toBe(403);
  expect((await page.request.patch(`${api}/roster/${taId}`, { data: { role: "INSTRUCTOR" } })).status()).toBe(403);
  expect((await page.request.delete(`${api}/roster/${taId}`)).status()).toBe(403);
  expect((await page.request.post(`${api}/join-code`, { data: { op: "regenerate" } })).status()).toBe(403);
  const list = (await (await page.request.get(`${api}/assessments`)).json()) as { assessments: { id: string }[] };
  expect((await page.request.post(`${api}/assessments/${list.assessments[0].id}/publish`, { data: { publish: false } })).status()).toBe(403);
  expect((await page.request.post(`${api}/assessments`, { data: { title: "Forged" } })).status()).toBe(403);
  const after = (await (await page.request.get(`${api}/roster?q=${encodeURIComponent(ta.name)}`)).json()) as { members: { role: string }[] };
  expect(after.members.map((m) => m.role)).toEqual(["TA"]);
  await context.close();

  // The instructor: the same calls succeed, and the builder's rules come back as field issues.
  const code = (await (await teacher.request.get(`${api}/join-code`)).json()) as { joinCode: string };
  const renewed = await teacher.request.post(`${api}/join-code`, { data: { op: "regenerate" } });
  expect(renewed.status()).toBe(200);
  expect(((await renewed.json()) as { joinCode: string }).joinCode).not.toBe(code.joinCode);
  expect((await teacher.request.patch(`${api}/roster/${taId}`, { data: { role: "STUDENT" } })).status()).toBe(200);
  const bad = await teacher.request.post(`${api}/assessments`, {
    data: { title: "Quiz", kind: "QUIZ", opensAt: "2027-01-02T10:00:00Z", closesAt: "2027-01-01T10:00:00Z", timeLimitMinutes: 20, scorePolicy: "BEST", releasePolicy: "AFTER_CLOSE", pythonVersion: "3.14", slots: [] },
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["closesAt"]);
  const made = await teacher.request.post(`${api}/assessments`, {
    data: { title: "Quiz", kind: "QUIZ", opensAt: "2027-01-01T10:00:00Z", closesAt: "2027-01-02T10:00:00Z", timeLimitMinutes: 20, scorePolicy: "BEST", releasePolicy: "AFTER_CLOSE", pythonVersion: "3.14", slots: [] },
  });
  expect(made.status()).toBe(201);
  const { assessment } = (await made.json()) as { assessment: { id: string } };
  const empty = await teacher.request.post(`${api}/assessments/${assessment.id}/publish`, { data: { publish: true } });
  expect(empty.status()).toBe(409);
  expect(((await empty.json()) as { message: string }).message).toBe("Add at least one question before publishing.");
  expect((await teacher.request.get(`/api/courses/no-such-course/roster`)).status()).toBe(404);
});

test("once a student has answered, the builder refuses unfair changes, points to regrade, and still saves dates", async ({ browser }) => {
  if (!state.student || !state.assessmentUrl || !state.teacher) throw new Error("needs the course built by the first test (run the file whole: its tests are serial)");
  const assessmentId = (state.assessmentUrl as string).split("/").pop() as string;
  const context = await browser.newContext();
  const studentPage = await context.newPage();
  const student = state.student as Person;
  await studentPage.goto("/signin");
  await studentPage.getByLabel("Email").fill(student.email);
  await studentPage.getByLabel("Password").fill(student.password);
  await studentPage.getByRole("button", { name: "Sign in" }).click();
  await expect(studentPage).toHaveURL(/\/dashboard$/);
  // The student answers the first question through the documented API (right or wrong does not matter here).
  const detail = (await (await studentPage.request.get(`/api/assessments/${assessmentId}`)).json()) as { slots: { questionId: string; title: string; position: number }[] };
  const first = [...detail.slots].sort((a, b) => a.position - b.position)[0];
  const variant = (await (await studentPage.request.get(`/api/assessments/${assessmentId}/questions/${first.questionId}/variant`)).json()) as {
    question: { kind: string; names?: string[] };
  };
  const answers: Record<string, unknown> = {
    integer: { kind: "integer", value: 0 },
    boolean: { kind: "boolean", value: false },
    output: { kind: "output", value: "0" },
    freed: { kind: "freed", freed: [] },
    race: { kind: "race", values: [0] },
    choice: { kind: "choice", choice: 0 },
    multi: { kind: "multi", selected: [0] },
    diagram: { kind: "diagram", groups: Object.fromEntries((variant.question.names ?? []).map((n) => [n, null])) },
  };
  const submitted = await studentPage.request.post("/api/attempts", {
    data: { assessmentId, questionId: first.questionId, answer: answers[variant.question.kind], idempotencyKey: `e2e-${Date.now()}` },
  });
  expect(submitted.status()).toBe(200);
  await context.close();

  const page = state.teacher?.page as Page;
  await page.goto(state.assessmentUrl as string);
  await expect(page.getByTestId("locked-note")).toContainText("Students have made 1 attempt.");
  await expect(page.getByTestId("locked-note").getByRole("link", { name: "regrade" })).toHaveAttribute("href", /\/analytics\/assessments\/.+\/regrade$/);
  await expect(page.getByTestId("slot").first()).toContainText("1 attempt: locked");
  await page.getByRole("button", { name: `Remove ${first.title}` }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").first()).toHaveText("Students have already answered this assessment, so some of these changes would be unfair to them.");
  await expect(page.locator("#slots-error")).toContainText(`"${first.title}" has 1 attempt and cannot be removed.`);
  await expect(page.locator("#slots-error")).toContainText("regrade");

  // A fresh form: a later close date and a lower attempt limit are fine.
  await page.reload();
  const closes = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 16);
  await page.getByLabel("Closes (UTC)").fill(closes);
  await page.getByLabel("Attempts per question").fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Closes (UTC)")).toHaveValue(closes);
  await expect(page.getByTestId("slot")).toHaveCount(2);
});
