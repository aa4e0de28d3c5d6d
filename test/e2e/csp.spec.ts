// The content security policy (proxy.ts, lib/security/csp.ts) is strict and the pages pass it:
// every page type loads in Chromium with no `securitypolicyviolation` event and no CSP console
// error: public pages, lessons with the memory visualizer, student pages, the instructor's course
// pages (charts, the question editor). A positive control injects an inline script and expects
// exactly that to be blocked and reported, so a listener that hears nothing proves something.
import { expect, type Page, test } from "@playwright/test";
import { buildFixture, type Fixture, hasPostgres, PASSWORD } from "../security/fixture";
import { createCourse, person, signUp } from "./helpers";

// zod 4 checks once whether `Function("")` is allowed (try/catch) to decide on its JIT; under this
// policy the check is refused and reported, and zod runs without eval: the policy working, not a
// page breaking. Only a violation from a chunk holding exactly that probe is set aside.
const probeChunks = new Map<string, boolean>();
async function isZodEvalProbe(page: Page, violation: string): Promise<boolean> {
  const m = /^script-src(?:-elem)? eval (\S+):\d+$/.exec(violation);
  if (!m) return false;
  const file = m[1];
  if (!probeChunks.has(file)) {
    const text = await (await page.request.get(file)).text();
    probeChunks.set(file, /try\{return Function\(""\),!0\}catch\(\w+\)\{return!1\}/.test(text));
  }
  return probeChunks.get(file) ?? false;
}

async function watch(page: Page): Promise<{ violations: () => Promise<string[]>; console: string[] }> {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = async () => {
    const all = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    const kept: string[] = [];
    for (const v of all) if (!(await isZodEvalProbe(page, v))) kept.push(v);
    return kept;
  };
  return { violations, console: consoleErrors.filter((m) => !/unsafe-eval|'eval'/.test(m)) };
}

async function expectClean(page: Page, url: string, seen: Awaited<ReturnType<typeof watch>>): Promise<void> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const policy = res?.headers()["content-security-policy"] ?? "";
  expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, url).not.toContain("unsafe-eval");
  // Next stamped its scripts with this request's nonce (the attribute reads back empty in the
  // DOM, by design, so it is checked on the property).
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(scripts.length, url).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce), `${url}: every script carries the nonce`).toBe(true);
  // Hydrated: React answered (a client-side link or button works), so nothing needed was blocked.
  expect({ url, violations: await seen.violations(), console: seen.console }).toEqual({ url, violations: [], console: [] });
}

test("the policy blocks a script injected into the HTML and reports it (the control)", async ({ page }) => {
  const seen = await watch(page);
  // As if a stored XSS got markup into the page: the real response, headers included, with an
  // inline script (no nonce) added to its HTML.
  await page.route("**/signin", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/signin");
  await expect.poll(() => seen.violations()).toEqual([expect.stringMatching(/^script-src(-elem)? inline/)]);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("each nonce is used once: two requests, two different nonces", async ({ request }) => {
  const a = (await request.get("/")).headers()["content-security-policy"];
  const b = (await request.get("/")).headers()["content-security-policy"];
  expect(a).not.toBe(b);
});

test("public pages and lessons (the memory visualizer) load with no violation", async ({ page }) => {
  const seen = await watch(page);
  for (const url of ["/", "/signin", "/signup", "/lessons", "/lessons/code-stack-heap", "/lessons/gc", "/no-such-page"]) {
    if (url === "/no-such-page") {
      await page.goto(url);
      expect(await seen.violations()).toEqual([]);
      continue;
    }
    await expectClean(page, url, seen);
  }
});

test("a student's and an instructor's pages load with no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const seen = await watch(page);
  const teacher = person("Teacher");
  await signUp(page, teacher, { instructor: true });
  const { url: courseUrl } = await createCourse(page, `CSP course ${teacher.email.slice(8, 16)}`);
  const courseId = new URL(courseUrl).pathname.split("/").at(-1) ?? "";
  for (const url of ["/dashboard", "/account", "/courses", "/assessments", "/instructor", "/instructor/courses/new", `/courses/${courseId}`, `/instructor/courses/${courseId}`, `/instructor/courses/${courseId}/roster`, `/instructor/courses/${courseId}/assessments`, `/instructor/courses/${courseId}/assessments/new`, `/instructor/courses/${courseId}/questions`, `/instructor/courses/${courseId}/questions/new`, `/instructor/courses/${courseId}/analytics`]) {
    await expectClean(page, url, seen);
  }
});

test.describe("with a fixture in PostgreSQL", () => {
  test.skip(!hasPostgres, "the assessment pages need rows written into the app's PostgreSQL (DATABASE_URL)");
  let fx: Fixture;
  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    fx = await buildFixture(baseURL ?? "");
  });
  test.afterAll(async () => fx?.dispose());

  test("assessment, question (answer widget), results and analytics pages load with no violation", async ({ page }) => {
    test.setTimeout(120_000);
    const seen = await watch(page);
    const signIn = async (email: string) => {
      await page.context().clearCookies();
      await page.goto("/signin");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
    };
    await signIn(fx.users.student.email);
    for (const url of [`/assessments/${fx.assessmentA.id}`, `/assessments/${fx.assessmentA.id}/questions/${fx.questionA.id}`, `/assessments/${fx.assessmentA.id}/results`, "/assessments/progress"]) {
      await expectClean(page, url, seen);
    }
    await signIn(fx.users.instructor.email);
    const c = `/instructor/courses/${fx.courseA.id}`;
    for (const url of [`${c}/analytics`, `${c}/analytics/assessments/${fx.assessmentA.id}`, `${c}/analytics/students/${fx.users.student.id}`, `${c}/assessments/${fx.assessmentA.id}`, `${c}/questions/${fx.courseQuestionA.id}`]) {
      await expectClean(page, url, seen);
    }
  });
});
