// Bearer-token submissions to the production server are answered by lib/server's direct path
// (the route's own handler without Next's machinery). Every guarantee of the route must hold
// there too, with the headers every other response carries: 401 for a bad token, 413 over the
// body cap, 400 for malformed JSON and for a body that fails the schema, 404 for an unknown
// assessment, all JSON, no-store, with the baseline security headers.
import { expect, test } from "@playwright/test";
import { person, signUp } from "./helpers";

const baseline: Record<string, string | RegExp> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": "same-origin",
  "cache-control": "no-store",
  "content-type": /application\/json/,
};

function expectHeaders(headers: Record<string, string>, label: string): void {
  for (const [name, value] of Object.entries(baseline)) {
    if (typeof value === "string") expect(headers[name], `${label}: ${name}`).toBe(value);
    else expect(headers[name], `${label}: ${name}`).toMatch(value);
  }
  expect(headers["x-powered-by"], label).toBeUndefined();
}

test("Bearer submissions keep every guarantee of the route", async ({ page, playwright }) => {
  const who = person("Direct");
  await signUp(page, who);
  await page.goto("/account");
  await page.getByLabel("Token name").fill("direct path");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const post = (authorization: string, data: string | Buffer) =>
    api.post("/api/attempts", { headers: { authorization, "content-type": "application/json" }, data, failOnStatusCode: false });
  const valid = JSON.stringify({ assessmentId: "no-such-assessment", questionId: "q", answer: { kind: "choice", choice: 0 }, idempotencyKey: "direct-path-1" });

  const cases: { label: string; authorization: string; data: string | Buffer; status: number; error: string }[] = [
    { label: "unknown token", authorization: "Bearer hw_not-a-real-token", data: valid, status: 401, error: "unauthenticated" },
    { label: "over the cap", authorization: `Bearer ${token}`, data: Buffer.alloc(300 * 1024, 0x20), status: 413, error: "too_large" },
    { label: "not JSON", authorization: `Bearer ${token}`, data: "{not json", status: 400, error: "invalid" },
    { label: "wrong shape", authorization: `Bearer ${token}`, data: JSON.stringify({ assessmentId: 7 }), status: 400, error: "invalid" },
    { label: "unknown assessment", authorization: `Bearer ${token}`, data: valid, status: 404, error: "not_found" },
  ];
  for (const c of cases) {
    const response = await post(c.authorization, c.data);
    expect(response.status(), c.label).toBe(c.status);
    expectHeaders(response.headers(), c.label);
    const body = (await response.json()) as { error: string; message?: string };
    expect(body.error, c.label).toBe(c.error);
    expect(JSON.stringify(body), c.label).not.toMatch(/\bat \S+:\d+|node_modules|\.ts:/); // no stack
  }
  // A request that is refused still leaves the connection usable (keep-alive) for the next one.
  expect((await post(`Bearer ${token}`, valid)).status()).toBe(404);
  await api.dispose();
});

// The direct path calls the handler the compiled route registered (lib/http/direct.ts), so it and
// Next share that module's instances. The per-user rate limiter shows it: submissions on the
// direct path (Bearer) use up the user's burst, and a submission of the same user's session
// through Next is then refused too. With two limiters, Next's would see a handful of requests
// and never refuse one.
test("the direct path and Next share one rate limiter: the compiled route's own module instances", async ({ page, playwright }) => {
  const who = person("Shared");
  await signUp(page, who);
  await page.goto("/account");
  await page.getByLabel("Token name").fill("shared limiter");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const data = JSON.stringify({ assessmentId: "no-such-assessment", questionId: "q", answer: { kind: "choice", choice: 0 }, idempotencyKey: "shared-limiter-1" });
  const direct = () => api.post("/api/attempts", { headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, data, failOnStatusCode: false });
  // page.request carries the page's session cookie and no Bearer token: Next serves it.
  const viaNext = () => page.request.post("/api/attempts", { headers: { "content-type": "application/json" }, data, failOnStatusCode: false });

  expect((await viaNext()).status(), "the session reaches the route through Next").toBe(404);
  let refusedByNext = false;
  for (let round = 0; round < 5 && !refusedByNext; round++) {
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await direct()).status()));
    expect(statuses, "the direct path's limiter refuses past the burst").toContain(429);
    const next = await viaNext();
    if (next.status() === 429) {
      refusedByNext = true;
      expect(((await next.json()) as { error: string }).error).toBe("rate_limited");
    }
  }
  expect(refusedByNext, "Next refused a submission after the direct path used up the burst").toBe(true);
  await api.dispose();
});
