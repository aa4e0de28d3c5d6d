// Hostile input at every edge: the attempt API and the forms (server actions) get malformed JSON,
// wrong types, huge bodies, odd Unicode, SQL and HTML injection. Each answer is a 4xx with a clear
// JSON message (or the form's field error), never a 500 or a stack trace; rows are counted before
// and after, so "nothing is stored" is checked, not assumed; and injected markup typed into a name
// or a title is shown as text and never runs (a dialog listener in Chromium would hear it).
import { expect, test } from "@playwright/test";
import { definitionToDraft } from "../../lib/authoring/draft";
import { parseDefinition } from "../../lib/questions/schema";
import { actionIds, callAction } from "../security/actions";
import { ACTIONS, fillPattern, HANDLERS } from "../security/matrix";
import { buildFixture, type Fixture, hasPostgres, NEEDS_POSTGRES } from "../security/fixture";
import { createCourse, person, signUp } from "./helpers";

const XSS = `<img src=x onerror="window.__pwned=1;alert(1)">"><script>alert(2)</script>`;
const SQL = `x'); DROP TABLE "Attempt"; --`;
const MB = "x".repeat(1024 * 1024);

test.describe("with a fixture in PostgreSQL (rows are counted)", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!hasPostgres, NEEDS_POSTGRES);
  let fx: Fixture;
  // Rows counted are this fixture's own: the other e2e worker writes to the same database.
  const mine = () => ({ where: { userId: fx.users.student.id } });
  const ours = () => ({ where: { ownerId: fx.users.instructor.id } });
  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    fx = await buildFixture(baseURL ?? "");
  });
  test.afterAll(async () => fx?.dispose());

  const valid = () => ({ assessmentId: fx.assessmentA.id, questionId: fx.questionA.id, answer: { kind: "integer", value: 1 }, idempotencyKey: `hostile-${Date.now()}-${Math.random().toString(36).slice(2)}` });

  test("the attempt API answers every hostile body with a 4xx JSON message and stores nothing", async () => {
    const cases: { name: string; body: string | Buffer; status: number; message: RegExp }[] = [
      { name: "malformed JSON", body: '{"assessmentId": "a", ', status: 400, message: /not valid JSON/ },
      { name: "not UTF-8", body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, message: /not valid UTF-8/ },
      { name: "an array", body: "[1,2,3]", status: 400, message: /not valid/ },
      { name: "wrong types", body: JSON.stringify({ assessmentId: 1, questionId: [], answer: "x", idempotencyKey: {} }), status: 400, message: /not valid/ },
      { name: "an unknown field", body: JSON.stringify({ ...valid(), role: "ADMIN" }), status: 400, message: /not valid/ },
      { name: "NUL in a string", body: JSON.stringify({ ...valid(), answer: { kind: "output", value: "a\u0000b" } }), status: 400, message: /NUL/ },
      { name: "a lone surrogate", body: `{"assessmentId":"${"a"}","questionId":"q","answer":{"kind":"output","value":"\\ud800"},"idempotencyKey":"abcdefgh"}`, status: 400, message: /surrogate/ },
      { name: "a 1 MB string", body: JSON.stringify({ ...valid(), answer: { kind: "output", value: MB } }), status: 413, message: /larger than 256 KiB/ },
      { name: "a 5 MB body", body: `{"pad":"${"y".repeat(5 * 1024 * 1024)}"}`, status: 413, message: /larger than/ },
      { name: "SQL in the ids", body: JSON.stringify({ ...valid(), assessmentId: SQL, questionId: SQL }), status: 404, message: /No such|not/ },
      { name: "SQL in the idempotency key", body: JSON.stringify({ ...valid(), idempotencyKey: SQL }), status: 400, message: /not valid/ },
      { name: "a deeply nested answer", body: `{"assessmentId":"a","questionId":"b","idempotencyKey":"abcdefgh","answer":${"[".repeat(5000)}${"]".repeat(5000)}}`, status: 400, message: /nested too deeply|not valid/ },
      { name: "an answer of the wrong kind", body: JSON.stringify({ ...valid(), answer: { kind: "output", value: XSS } }), status: 400, message: /.+/ },
    ];
    const before = await fx.prisma.attempt.count(mine());
    const got: string[] = [];
    for (const c of cases) {
      // A Buffer is sent byte for byte (a string with a JSON content type would be JSON-encoded again).
      const res = await fx.as.student.post("/api/attempts", { data: Buffer.from(c.body), headers: { "content-type": "application/json", origin: fx.baseURL } });
      const text = await res.text();
      let json: { error?: string; message?: string } = {};
      try {
        json = JSON.parse(text);
      } catch {
        // recorded below as a mismatch
      }
      const ok = res.status() === c.status && res.headers()["content-type"]?.includes("application/json") && typeof json.error === "string" && c.message.test(json.message ?? "") && !/\bat \S+ \(|node_modules|\.ts:\d+/.test(text);
      got.push(`${c.name}: ${ok ? "ok" : `${res.status()} ${text.slice(0, 200)}`}`);
    }
    expect(got).toEqual(cases.map((c) => `${c.name}: ok`));
    expect(await fx.prisma.attempt.count(mine())).toBe(before);
    // The control: a valid body is stored, once.
    const res = await fx.as.student.post("/api/attempts", { data: valid(), headers: { origin: fx.baseURL } });
    expect(res.status()).toBe(200);
    expect(await fx.prisma.attempt.count(mine())).toBe(before + 1);
  });

  test("other JSON routes refuse malformed and oversized bodies the same way", async () => {
    const before = await fx.prisma.course.count(ours());
    for (const [body, status] of [["{nope", 400], [JSON.stringify({ title: MB }), 413], [JSON.stringify({ title: "a\u0000b" }), 400], [JSON.stringify({ title: 42 }), 400]] as const) {
      const res = await fx.as.instructor.post("/api/courses", { data: Buffer.from(body), headers: { "content-type": "application/json", origin: fx.baseURL } });
      expect(res.status(), body.slice(0, 40)).toBe(status);
      expect((await res.json()).error).toMatch(/invalid|too_large/);
    }
    expect(await fx.prisma.course.count(ours())).toBe(before);
  });

  test("forms (server actions) answer hostile fields with field errors and store nothing", async () => {
    const ids = actionIds();
    const signUpAction = ids.get("app/(public)/signup/actions.ts#signUpAction");
    const createCourse = ids.get("app/(app)/courses/actions.ts#createCourseAction");
    expect(signUpAction && createCourse).toBeTruthy();
    if (!signUpAction || !createCourse) return;
    const email = (n: number) => `hostile${n}-${fx.tag}@matrix.test`;
    // Only the addresses tried here: the other e2e worker signs people up meanwhile.
    const tried = { where: { email: { in: [1, 3, 4, 5, 6, 7].map(email).concat(SQL) } } };
    const users = await fx.prisma.user.count(tried);
    const hostile: [Record<string, string>, RegExp][] = [
      [{ name: "Ada\u0000", email: email(1), password: "violet anchor tuesday" }, /"name":\["Text may not contain NUL/],
      // (A lone surrogate cannot cross a form: multipart is UTF-8, so it arrives as U+FFFD, which is
      // valid text. The JSON API, where "\ud800" can be written, refuses it: see above.)
      [{ name: "Ada\u202Egnirut", email: email(3), password: "violet anchor tuesday" }, /"name":\["Remove the text-direction control characters/],
      [{ name: "A".repeat(300), email: email(4), password: "violet anchor tuesday" }, /"name":\["Use at most 100 characters/],
      [{ name: "Ada", email: SQL, password: "violet anchor tuesday" }, /"email":\["Enter a valid email address/],
      [{ name: "Ada", email: email(5), password: "password123" }, /"password":\["This password is on the lists/],
      [{ name: "Ada", email: email(6), password: "short" }, /"password":\["Use at least 10 characters/],
    ];
    for (const [fields, error] of hostile) {
      const res = await callAction(fx.as.anonymous, "/signup", signUpAction.id, fields, fx.baseURL);
      expect(res.status()).toBe(200);
      expect(await res.text(), JSON.stringify(fields).slice(0, 60)).toMatch(error);
    }
    // A body over Next's 1 MB limit for actions is refused before the action runs.
    const huge = await callAction(fx.as.anonymous, "/signup", signUpAction.id, { name: MB, email: email(7), password: "violet anchor tuesday" }, fx.baseURL);
    expect(huge.status()).toBeGreaterThanOrEqual(400);
    expect(huge.status()).toBeLessThan(500);
    expect(await fx.prisma.user.count(tried)).toBe(users);

    const courses = await fx.prisma.course.count(ours());
    for (const title of ["a\u0000b", "x".repeat(200), ""]) {
      const res = await callAction(fx.as.instructor, "/instructor/courses/new", createCourse.id, { title, pythonVersion: "3.12" }, fx.baseURL);
      expect(await res.text()).toMatch(/"status":"error".*"fieldErrors":\{"title"/);
    }
    const badVersion = await callAction(fx.as.instructor, "/instructor/courses/new", createCourse.id, { title: "Fine title", pythonVersion: SQL }, fx.baseURL);
    expect(await badVersion.text()).toMatch(/"fieldErrors":\{"pythonVersion"/);
    expect(await fx.prisma.course.count(ours())).toBe(courses);
  });

  test("every route with a path parameter answers NUL, a lone surrogate or SQL in it with a 4xx JSON error, never a 500, as an admin who may call them all", async () => {
    const got: string[] = [];
    for (const key of Object.keys(HANDLERS)) {
      const [method, pattern] = key.split(" ");
      if (!pattern.includes("[") || pattern.startsWith("/api/auth/")) continue;
      for (const poison of ["%00", "%ED%A0%80", encodeURIComponent(SQL)]) {
        // Each dynamic segment poisoned in turn, the others real, so every lookup is reached.
        const segments = pattern.split("/");
        for (let i = 0; i < segments.length; i++) {
          if (!segments[i].startsWith("[")) continue;
          const filled = fillPattern(pattern, fx).split("/");
          filled[i] = poison;
          const res = await fx.as.admin.fetch(filled.join("/"), { method, data: method === "GET" || method === "DELETE" ? undefined : Buffer.from("{}"), headers: { "content-type": "application/json", origin: fx.baseURL } });
          const json = await res.json().catch(() => null);
          const ok = res.status() >= 400 && res.status() < 500 && typeof json?.message === "string";
          if (!ok) got.push(`${key} [${segments[i]}=${poison.slice(0, 6)}]: ${res.status()} ${JSON.stringify(json).slice(0, 120)}`);
        }
      }
    }
    expect(got).toEqual([]);
  });

  test("every JSON route with a body refuses malformed JSON (400) and a body over its cap (413), as an admin who may call them all", async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [key, entry] of Object.entries(HANDLERS)) {
      const [method, pattern] = key.split(" ");
      if (!entry.body || pattern.startsWith("/api/auth/")) continue;
      const url = entry.path ? await entry.path(fx, "admin") : fillPattern(pattern, fx);
      // The question import takes whole-bank zips: its own cap is 28 MiB.
      const over = key.endsWith("/questions/import") ? 29 * 1024 * 1024 : 1024 * 1024;
      for (const [body, status] of [["{\"broken\": ", 400], [`{"pad":"${"z".repeat(over)}"}`, 413]] as const) {
        const res = await fx.as.admin.fetch(url, { method, data: Buffer.from(body), headers: { "content-type": "application/json", origin: fx.baseURL } });
        const json = await res.json().catch(() => ({}));
        got.push(`${key} ${status}: ${res.status()} ${typeof json.message === "string" ? "message" : "no message"}`);
        want.push(`${key} ${status}: ${status} message`);
      }
    }
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(want);
  });

  test("every form (server action) refuses NUL in its fields with a field error, as an admin who may call them all", async () => {
    const ids = actionIds();
    const got: string[] = [];
    const want: string[] = [];
    for (const [key, entry] of Object.entries(ACTIONS)) {
      const found = ids.get(key);
      if (!found) continue;
      const fields = await entry.form(fx, "admin");
      const poisoned = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, `${v}\u0000`]));
      const res = await callAction(fx.as.admin, fillPattern(found.page, fx), found.id, poisoned, fx.baseURL);
      const text = await res.text();
      const row = /^[0-9a-f]+:(\{"status":.*)$/m.exec(text)?.[1];
      const state = row ? (JSON.parse(row) as { status: string; code?: string; fieldErrors?: Record<string, string[]> }) : null;
      // The lesson check is not an action() form: it parses its own fields and stores none of them.
      const refused = key.startsWith("app/lessons/") ? state?.status === "invalid" : state?.status === "error" && state.code === "invalid" && Object.values(state.fieldErrors ?? {}).flat().some((m) => /NUL/.test(m));
      got.push(`${key}: ${refused ? "refused" : `${res.status()} ${text.slice(0, 160)}`}`);
      want.push(`${key}: refused`);
    }
    expect(got.length).toBeGreaterThan(20);
    expect(got).toEqual(want);
  });

  test("floods: a student's submissions beyond the burst get 429 JSON; anonymous lesson checks are limited per address", async () => {
    const student = await fx.newUser({ courseId: fx.courseA.id, role: "STUDENT" });
    const { signInOverHttp, PASSWORD } = await import("../security/fixture");
    const ctx = await signInOverHttp(fx.baseURL, student.email, PASSWORD);
    // One after another until refused: the bucket holds 30 and refills 5 a second, so how many
    // pass depends on how fast this machine answers (CI once needed more than 40). Submissions of
    // one student to one question are serialised by design (a concurrent one is a 409), so
    // they cannot be fired at once. Bounded by what the bucket can have allowed meanwhile.
    const statuses: number[] = [];
    let limited: { error?: string; message?: string } = {};
    const began = Date.now();
    while (statuses.length < 300 && !statuses.includes(429)) {
      const res = await ctx.post("/api/attempts", { data: valid(), headers: { origin: fx.baseURL } });
      statuses.push(res.status());
      if (res.status() === 429) limited = await res.json();
    }
    const allowedAtMost = 30 + Math.ceil(((Date.now() - began) / 1000) * 5);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(allowedAtMost);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(30);
    expect(statuses).toContain(429);
    expect(limited).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/Too many submissions: try again in \d+ s\./) });
    await ctx.dispose();

    const check = actionIds().get("app/lessons/actions.ts#gradeCheckAction");
    expect(check).toBeDefined();
    if (!check) return;
    const ip = `203.0.113.${Date.now() % 250}`;
    const answers: string[] = [];
    const checksBegan = Date.now();
    // Until refused, as above: 20 at once, then 2 a second.
    while (answers.length < 300 && !answers.includes("limited")) {
      const res = await fx.as.anonymous.post(`/lessons/${fx.lessonSlug}`, {
        multipart: (() => {
          const form = new FormData();
          for (const [k, v] of Object.entries({ checkId: "no-such-check", kind: "integer", value: "1" })) form.append(`_1_${k}`, v);
          form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
          return form;
        })(),
        headers: { "next-action": check.id, accept: "text/x-component", origin: fx.baseURL, "x-forwarded-for": ip },
      });
      answers.push(/Too many checks in a row/.test(await res.text()) ? "limited" : "answered");
    }
    expect(answers.slice(0, 20)).toEqual(Array(20).fill("answered"));
    expect(answers).toContain("limited");
    expect(answers.filter((a) => a === "answered").length).toBeLessThanOrEqual(20 + Math.ceil(((Date.now() - checksBegan) / 1000) * 2));
  });

  test("an endless or endlessly recursive template in the authoring preview is stopped by the simulator's budget", async () => {
    const preview = actionIds().get("app/(app)/instructor/courses/[courseId]/questions/actions.ts#previewAction");
    expect(preview).toBeDefined();
    if (!preview) return;
    const version = await fx.prisma.questionVersion.findFirstOrThrow({ where: { questionId: fx.courseQuestionA.id } });
    const parsed = parseDefinition(version.definition);
    if (!parsed.ok) throw new Error("bad definition");
    // The third grows a big structure: stopped by the object budget at once, but each traced step
    // walks the heap, so without the simulator's trace budget it held the server for minutes.
    for (const code of ["while True:\n    pass\n", "def f():\n    return f()\nf()\n", "x = []\nwhile True:\n    x.append([0] * 1000)\n"]) {
      const draft = { ...definitionToDraft(parsed.definition), code };
      const started = Date.now();
      const pending = callAction(fx.as.instructor, `/instructor/courses/${fx.courseA.id}/questions/${fx.courseQuestionA.id}`, preview.id, { courseId: fx.courseA.id, draft: JSON.stringify(draft) }, fx.baseURL);
      // Meanwhile the server keeps answering others.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const healthStarted = Date.now();
      expect((await fx.as.anonymous.get("/api/health")).status()).toBe(200);
      expect(Date.now() - healthStarted, code).toBeLessThan(5_000);
      const res = await pending;
      const text = await res.text();
      expect(res.status()).toBe(200);
      expect(Date.now() - started, code).toBeLessThan(15_000);
      // Answered, as a result of the action (a preview that reports the problem), not a crash.
      expect(text, code).toMatch(/"status":"ok"/);
    }
    expect((await fx.as.anonymous.get("/api/health")).status()).toBe(200);
  });
});

test("markup typed into a name and a course title is shown as text and never runs", async ({ page }) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const who = { ...person("Mallory"), name: `Mallory ${XSS}`.slice(0, 100) };
  await signUp(page, who, { instructor: true });
  await expect(page.getByRole("heading", { name: `Hello, ${who.name}` })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(who.name);
  const title = `Course ${XSS}`.slice(0, 120);
  await createCourse(page, title);
  for (const url of ["/dashboard", "/courses", "/instructor", "/account"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/courses");
  await expect(page.getByText(title).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("img[src=x], main script:not([src])").count()).toBe(0);
  expect(dialogs).toEqual([]);
});
