// Authoring in the browser: an instructor writes a template in the CodeMirror editor, sees a field
// error for a bad parameter, the live preview (key and step trace), "check 100 variants" with its
// spread, the version table, creates the question and saves version 2 with its diff. Then who may
// do what: anonymous, a student, another course's instructor, a TA (sees, cannot save: neither in
// the UI nor by a forged request), and import/export. Screenshots in test/e2e/screenshots.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import path from "node:path";
import { createCourse, joinCourse, person, signUp, type Person } from "./helpers";

const dir = path.join(import.meta.dirname, "screenshots");

async function noSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

async function newCourse(page: Page, who: Person): Promise<{ courseId: string; code: string }> {
  await signUp(page, who, { instructor: true });
  const { url, code } = await createCourse(page, `Memory ${who.name}`);
  const courseId = new URL(url).pathname.split("/").at(-1) ?? "";
  expect(courseId).toMatch(/^c[a-z0-9]+$/);
  return { courseId, code };
}

/** Replaces the CodeMirror document by typing, as an author would. */
async function typeCode(page: Page, code: string) {
  const editor = page.getByTestId("code-editor");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  for (const [i, line] of code.split("\n").entries()) {
    // Enter indents as Python wants (after a colon, or as the line above), so each line is
    // typed without its own indentation.
    if (i > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line.trimStart());
  }
}

const DEFINITION = {
  slug: "alias-grows",
  title: "An alias grows the list",
  mechanism: "names-references-objects",
  prompt: "What does this program print?",
  code: "a = [0] * {{n}}\nb = a\nb.append(1)\nprint(len(a))\n",
  params: { n: { int: [1, 9] } },
  answer: { kind: "integer" },
};

test("the code editor indents with Tab and lets go with Escape then Tab; bad parameters are refused at the field before a save", async ({ page }) => {
  const { courseId } = await newCourse(page, person("Keys"));
  await page.goto(`/instructor/courses/${courseId}/questions/new`);
  const editor = page.getByTestId("code-editor");
  const doc = () => editor.evaluate((el) => [...el.querySelectorAll(".cm-line")].map((l) => l.textContent).join("\n"));
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("x = [1]");
  await page.keyboard.press("Tab");
  await expect(editor).toBeFocused();
  expect(await doc()).toBe("    x = [1]");
  await page.keyboard.press("Shift+Tab");
  expect(await doc()).toBe("x = [1]");
  // CodeMirror's way out for keyboard users, announced under the label.
  await expect(page.getByText("Tab indents. To leave the editor with the keyboard, press Escape, then Tab.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Parameters", { exact: true })).toBeFocused();
  expect(await doc()).toBe("x = [1]");

  // Parameters that are not JSON: the message at the field, and Save sends nothing.
  await page.getByLabel("Title", { exact: true }).fill("Keyboard test");
  await page.getByLabel("Slug", { exact: true }).fill("keyboard-test");
  const params = page.getByLabel("Parameters", { exact: true });
  await params.fill('{"n": {"int": [1, 9]');
  await expect(page.getByTestId("error-params")).toContainText("not valid JSON");
  await expect(params).toHaveAttribute("aria-invalid", "true");
  await params.fill("[1, 2]");
  await expect(page.getByTestId("error-params")).toContainText('the parameters are a JSON object of name: spec, e.g. {"n": {"int": [1, 9]}}');
  const saves: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"] && (r.postData() ?? "").includes("questionId")) saves.push(r.url());
  });
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page.getByText("Nothing was saved: fix the parameters first.")).toBeVisible();
  await expect(params).toBeFocused();
  expect(saves).toEqual([]);
  await page.screenshot({ path: path.join(dir, "instructor-authoring-params-error.png"), fullPage: true });
  await noSeriousViolations(page, "editor with a parameters error");
  expect(new URL(page.url()).pathname).toBe(`/instructor/courses/${courseId}/questions/new`);
});

test("an instructor authors a template: editor, field error, preview, check 100, versions, save v1 and v2", async ({ page }) => {
  test.setTimeout(180_000);
  const { courseId } = await newCourse(page, person("Author"));
  await page.goto(`/instructor/courses/${courseId}/questions/new`);
  await page.getByLabel("Title", { exact: true }).fill("An alias grows the list");
  await page.getByLabel("Slug", { exact: true }).fill("alias-grows");
  await typeCode(page, "a = [0] * {{n}}\nb = a\nb.append(1)\nprint(len(a))");
  await expect(page.getByTestId("code-editor")).toContainText("b.append(1)");

  // A bad parameter: the schema's message under the Parameters field, not at the top.
  await page.getByLabel("Parameters", { exact: true }).fill('{"n": {"int": [9, 1]}}');
  await expect(page.getByTestId("error-params")).toContainText("n.int: int range must be [low, high] with low <= high");
  await expect(page.getByLabel("Parameters", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Parameters", { exact: true }).fill('{"n": {"int": [1, 9]}}');
  await expect(page.getByTestId("error-params")).toHaveCount(0);

  // The preview: three seeds, each key = n + 1 (the alias appends to the same list), and a trace.
  const variants = page.getByTestId("preview-variant");
  await expect(variants).toHaveCount(3, { timeout: 20_000 });
  for (const v of await variants.all()) {
    const n = Number(/n=(\d+)/.exec((await v.getByRole("heading").textContent()) ?? "")?.[1]);
    expect(n).toBeGreaterThanOrEqual(1);
    await expect(v.getByTestId("preview-key")).toHaveText(String(n + 1));
  }
  const stepper = page.getByTestId("memory-stepper");
  await expect(stepper).toBeVisible();
  await stepper.getByRole("button", { name: "Next step" }).click();
  await stepper.getByRole("button", { name: "Next step" }).click();
  await expect(stepper).toHaveAttribute("data-step", "2");

  await page.getByRole("button", { name: "Check 100 variants" }).click();
  const check = page.getByTestId("check-result");
  await expect(check).toContainText("100 of 100 seeds simulated on Python 3.12", { timeout: 30_000 });
  await expect(check).toContainText("100 gradable");
  // Keys 2..10: nine distinct answers whose counts add up to 100.
  const counts = await page.getByTestId("spread").locator("tbody tr td:nth-child(2)").allTextContents();
  expect(counts.length).toBe(9);
  expect(counts.reduce((t, c) => t + Number(c), 0)).toBe(100);

  await page.getByRole("button", { name: "Compare Python versions" }).click();
  await expect(page.getByTestId("version-table").locator("tbody tr")).toHaveCount(5);
  // Real CPython 3.14 in the server's Pyodide worker: this program prints nothing wasm32-specific.
  await page.getByRole("button", { name: "Cross-check on CPython 3.14 (Pyodide)" }).click();
  const cross = page.getByTestId("cross-check");
  await expect(cross).toContainText(/Seed 0 on CPython 3\.14\.\d+ \(Pyodide [\d.]+, 32-bit\)/, { timeout: 90_000 });
  await expect(page.getByTestId("cross-verdict")).toHaveText("agrees with the simulator");
  await expect(cross).toContainText("key: simulator 4, Pyodide 4 (agree)");

  await page.screenshot({ path: path.join(dir, "authoring-editor.png"), fullPage: true });
  await page.getByRole("region", { name: /Preview/ }).screenshot({ path: path.join(dir, "authoring-preview.png") });
  await noSeriousViolations(page, "editor");

  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/courses/${courseId}/questions/c[a-z0-9]+\\?created=1$`));
  await expect(page.getByTestId("version-history").locator("tbody tr")).toHaveCount(1);

  // Version 2: a changed prompt. Saving again unchanged adds nothing.
  await page.getByLabel("Prompt", { exact: true }).fill("How many items does the list have at the end?");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByTestId("editor-message")).toHaveText("Saved as version 2.");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByTestId("editor-message")).toHaveText("Nothing changed: version 2 stays current.");
  await page.reload();
  const history = page.getByTestId("version-history");
  await expect(history.locator("tbody tr")).toHaveCount(2);
  await expect(history.locator("tbody tr").first()).toContainText("v2 (current)");
  await history.getByText(/lines added/).click();
  await expect(history.getByTestId("version-diff")).toContainText('+   "prompt": "How many items does the list have at the end?",');
  await expect(history.getByTestId("version-diff")).toContainText('-   "prompt": "What does this program print?",');

  await page.goto(`/instructor/courses/${courseId}/questions`);
  await expect(page.getByTestId("course-questions")).toContainText("An alias grows the list");
  await expect(page.getByTestId("course-questions")).toContainText("v2");
  await page.screenshot({ path: path.join(dir, "authoring-list.png"), fullPage: true });
  await noSeriousViolations(page, "question list");
});

test("a runaway template ends with the simulator's budget error, and the server keeps answering", async ({ page }) => {
  const { courseId } = await newCourse(page, person("Hostile"));
  await page.goto(`/instructor/courses/${courseId}/questions/new`);
  await page.getByLabel("Title", { exact: true }).fill("Never ends");
  await page.getByLabel("Slug", { exact: true }).fill("never-ends");
  await typeCode(page, "a = []\nwhile True:\n    a.append([{{n}}])");
  await expect(page.getByTestId("code-editor")).toContainText("a.append([{{n}}])");
  await expect(page.getByTestId("preview-error").first()).toContainText("budget", { timeout: 20_000 });
  await page.getByRole("button", { name: "Check 100 variants" }).click();
  await expect(page.getByTestId("check-problems")).toContainText("budget", { timeout: 20_000 });
  await expect(page.getByTestId("check-result")).toContainText("0 gradable");
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
});

async function as(browser: Browser, who: Person, options: { instructor?: boolean } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, who, options);
  return { context, page };
}

test("who sees what: anonymous, student, another course's instructor, TA (UI and forged requests)", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { courseId, code } = await newCourse(page, person("Owner"));
  const api = `/api/courses/${courseId}/questions`;
  const created = await page.request.post(api, { data: { definition: DEFINITION } });
  expect(created.status()).toBe(201);
  const { questionId } = (await created.json()) as { questionId: string };
  const pages = [`/instructor/courses/${courseId}/questions`, `/instructor/courses/${courseId}/questions/${questionId}`, `/instructor/courses/${courseId}/questions/new`, `/instructor/courses/${courseId}/questions/import-export`];

  // Anonymous: sign in first (pages), 401 (API).
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  await anonPage.goto(pages[0]);
  await expect(anonPage).toHaveURL(/\/signin\?callbackUrl=/);
  expect((await anonPage.request.get(api)).status()).toBe(401);
  await anon.close();

  const student = await as(browser, person("Student"));
  await joinCourse(student.page, code);
  const stranger = await as(browser, person("Stranger"), { instructor: true });
  await createCourse(stranger.page, "Another course");
  for (const [label, who] of [["student", student], ["other instructor", stranger]] as const) {
    for (const p of pages) {
      const res = await who.page.goto(p);
      expect(res?.status(), `${label} ${p}`).toBe(403);
    }
    expect((await who.page.request.get(api)).status(), label).toBe(403);
    expect((await who.page.request.get(`${api}/${questionId}`)).status(), label).toBe(403);
    expect((await who.page.request.put(`${api}/${questionId}`, { data: { definition: DEFINITION } })).status(), label).toBe(403);
    expect((await who.page.request.get(`${api}/export`)).status(), label).toBe(403);
  }
  await student.context.close();
  await stranger.context.close();

  // The TA: a student account, made TA on the roster by the owner.
  const taPerson = person("Assistant");
  const ta = await as(browser, taPerson);
  await page.goto(`/instructor/courses/${courseId}/roster`);
  await page.getByLabel("Email of their account").fill(taPerson.email);
  await page.getByLabel("Role", { exact: true }).selectOption("TA");
  await page.getByRole("button", { name: "Add to course" }).click();
  await expect(page.getByText(taPerson.name).first()).toBeVisible();

  const res = await ta.page.goto(pages[1]);
  expect(res?.status()).toBe(200);
  await expect(ta.page.getByTestId("preview-key").first()).toBeVisible({ timeout: 20_000 });
  const save = ta.page.getByTestId("save");
  await expect(save).toBeDisabled();
  await expect(ta.page.getByText("only the course's instructors can save")).toBeVisible();
  await expect(ta.page.getByRole("button", { name: /Cross-check/ })).toHaveCount(0);
  // Forged: the disabled button re-enabled in the page, then a PUT on the API.
  await ta.page.getByLabel("Prompt", { exact: true }).evaluate((el) => el.removeAttribute("readonly"));
  await ta.page.getByLabel("Prompt", { exact: true }).fill("A TA's change that must not be saved.");
  await save.evaluate((el) => el.removeAttribute("disabled"));
  await save.click();
  await expect(ta.page.getByTestId("editor-message")).toContainText("needed role");
  expect((await ta.page.request.put(`${api}/${questionId}`, { data: { definition: { ...DEFINITION, prompt: "Changed by the TA, forged." } } })).status()).toBe(403);
  expect((await ta.page.request.post(`${api}/import`, { data: { files: [{ path: "x/y.json", text: "{}" }] } })).status()).toBe(403);
  expect((await ta.page.request.get(`${api}/export`)).status()).toBe(200);
  await ta.context.close();

  const detail = (await (await page.request.get(`${api}/${questionId}`)).json()) as { currentVersion: number; definition: { prompt: string } };
  expect(detail.currentVersion).toBe(1);
  expect(detail.definition.prompt).toBe(DEFINITION.prompt);
});

test("export as a zip and import files back: errors by file and field, then new versions only where changed", async ({ page }) => {
  const { courseId } = await newCourse(page, person("Porter"));
  const api = `/api/courses/${courseId}/questions`;
  const created = await page.request.post(api, { data: { definition: DEFINITION } });
  expect(created.status()).toBe(201);
  const { questionId } = (await created.json()) as { questionId: string };
  const zip = await page.request.get(`${api}/export`);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const files = ((await (await page.request.get(`${api}/export?format=json`)).json()) as { files: { path: string; text: string }[] }).files;
  expect(files.map((f) => f.path)).toEqual(["names-references-objects/alias-grows.json"]);

  await page.goto(`/instructor/courses/${courseId}/questions/import-export`);
  await expect(page.getByTestId("export-files")).toContainText("names-references-objects/alias-grows.json");
  const bad = { ...JSON.parse(files[0].text), params: { n: { int: [9, 1] } } };
  await page.getByLabel(/Question files/).setInputFiles([{ name: "alias-grows.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) }]);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-result")).toContainText("alias-grows.json: params.n.int: int range must be [low, high] with low <= high");

  const changed = { ...JSON.parse(files[0].text), title: "An alias grows the list (edited in git)" };
  await page.getByLabel(/Question files/).setInputFiles([
    { name: "alias-grows.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(changed)) },
    { name: "print-n.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...DEFINITION, slug: "print-n", code: "x = {{n}}\nprint(x)\n" })) },
  ]);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("2 files: 1 created, 1 new versions, 0 unchanged.");
  await noSeriousViolations(page, "import-export");

  // Dark mode: the list and the editor with its preview keep their contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/instructor/courses/${courseId}/questions`);
  await expect(page.getByTestId("course-questions")).toContainText("(edited in git)");
  await noSeriousViolations(page, "question list, dark");
  await page.goto(`/instructor/courses/${courseId}/questions/${questionId}`);
  await expect(page.getByTestId("preview-key").first()).toBeVisible({ timeout: 20_000 });
  await noSeriousViolations(page, "editor, dark");
  await page.screenshot({ path: path.join(dir, "authoring-editor-dark.png"), fullPage: true });
});
