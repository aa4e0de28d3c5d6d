// Role gates hold on the server: for pages, route handlers and actions, whatever the UI shows.
import { expect, test } from "@playwright/test";
import { createCourse, person, signUp } from "./helpers";

const signedInPages = ["/dashboard", "/courses", "/courses/some-course-id", "/instructor", "/instructor/courses/new", "/account", "/admin", "/assessments"];
const apis: { method: "GET" | "POST"; path: string; data?: object }[] = [
  { method: "GET", path: "/api/courses" },
  { method: "POST", path: "/api/courses", data: { title: "Sneaky", pythonVersion: "3.12" } },
  { method: "POST", path: "/api/courses/join", data: { code: "ABCDEFGH" } },
  { method: "GET", path: "/api/me" },
];

test("anonymous: every signed-in page redirects to sign-in and every API answers 401 JSON", async ({ page, request }) => {
  for (const path of signedInPages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/signin\?callbackUrl=/);
  }
  for (const api of apis) {
    const response = await request.fetch(api.path, { method: api.method, data: api.data });
    expect(response.status(), api.path).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
  }
  for (const path of ["/", "/signin", "/signup"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  }
});

test("a forged or stale session cookie gets no further than no cookie", async ({ browser }) => {
  const context = await browser.newContext();
  const url = new URL(test.info().project.use.baseURL ?? "http://localhost");
  await context.addCookies([{ name: "next-auth.session-token", value: "forged", domain: url.hostname, path: "/" }]);
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await context.close();
});

test("a student gets 403 on instructor and admin pages, APIs and other people's courses", async ({ page, browser }) => {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signUp(teacher, person("Owner"), { instructor: true });
  const course = await createCourse(teacher, "Not yours");
  await teacherContext.close();

  await signUp(page, person("Curious"));
  await expect(page.getByRole("link", { name: "Teach" })).toHaveCount(0);
  for (const path of ["/instructor", "/instructor/courses/new", "/admin", new URL(course.url).pathname]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  const create = await page.request.post("/api/courses", { data: { title: "Sneaky", pythonVersion: "3.12" } });
  expect(create.status()).toBe(403);
  expect(await create.json()).toMatchObject({ error: "forbidden" });
  const missing = await page.goto("/courses/no-such-course");
  expect(missing?.status()).toBe(404);
});

test("API tokens: created once, work as Bearer, stop working when revoked", async ({ page, playwright }) => {
  const who = person("Scripter");
  await signUp(page, who);
  await page.goto("/account");
  await page.getByLabel("Token name").fill("grading script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^hw_[A-Za-z0-9_-]{43}$/);

  // A fresh request context: no cookies, only the token.
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const me = await api.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email: who.email, role: "STUDENT" }, via: "token" });
  const forbidden = await api.post("/api/courses", { headers: { authorization: `Bearer ${token}` }, data: { title: "Nope", pythonVersion: "3.12" } });
  expect(forbidden.status()).toBe(403);

  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0); // shown once only
  await page.getByRole("button", { name: "Revoke token grading script" }).click();
  await expect(page.getByText("No active tokens.")).toBeVisible();
  expect((await api.get("/api/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await api.dispose();
});

test("health answers ok JSON while the database is up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
