// The authorization matrix, run: every page, route handler and server action of the app (read from
// app/, test/security/routes.ts) requested as each of anonymous, student, student of another
// course, TA, instructor, instructor of another course and admin, compared with its entry in
// test/security/matrix.ts. Server actions are called the way an attacker would: a forged POST
// with the Next-Action header and the action's id from the build's manifest, straight from an
// HTTP client, so what is proven is that the server refuses, not that a button is hidden.
import { type APIResponse, expect, test } from "@playwright/test";
import { actionIds, actionOutcome, callAction, FORGED_COOKIE } from "../security/actions";
import { buildFixture, type Fixture, hasPostgres, NEEDS_POSTGRES, ROLES } from "../security/fixture";
import { ACTIONS, type ActionOutcome, fillPattern, HANDLERS, PAGES, type PageOutcome } from "../security/matrix";
import { readAppRoutes } from "../security/routes";

const app = readAppRoutes();

test("every route of the app has an entry in the matrix, and every entry a route", () => {
  const missing = {
    pages: app.pages.filter((r) => !(r in PAGES)),
    handlers: app.handlers.filter((r) => !(r in HANDLERS)),
    actions: app.actions.filter((r) => !(r in ACTIONS)),
    stale: [...Object.keys(PAGES).filter((r) => !app.pages.includes(r)), ...Object.keys(HANDLERS).filter((r) => !app.handlers.includes(r)), ...Object.keys(ACTIONS).filter((r) => !app.actions.includes(r))],
  };
  expect(missing).toEqual({ pages: [], handlers: [], actions: [], stale: [] });
});

test.describe("as each kind of caller", () => {
  // One fixture per worker; a failing table does not stop the next one from being checked.
  test.describe.configure({ mode: "default" });
  test.skip(!hasPostgres, NEEDS_POSTGRES);
  let fx: Fixture;

  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    fx = await buildFixture(baseURL ?? "");
  });
  test.afterAll(async () => {
    await fx?.dispose();
  });

  /** What a page answered. A page with a loading.tsx streams: its redirect or 403 comes inside a 200. */
  async function pageOutcome(res: APIResponse): Promise<PageOutcome | string> {
    const status = res.status();
    if (status >= 300 && status < 400) {
      const location = res.headers().location ?? "";
      return location.includes("/signin") ? "signin" : `redirect ${location}`;
    }
    if (status === 403 || status === 404) return status;
    if (status !== 200) return `status ${status}`;
    const body = await res.text();
    if (/NEXT_REDIRECT;[^"]*\/signin|http-equiv="refresh" content="[^"]*\/signin/.test(body)) return "signin";
    const fallback = /NEXT_HTTP_ERROR_FALLBACK;(403|404)/.exec(body);
    if (fallback) return Number(fallback[1]) as 403 | 404;
    return "ok";
  }

  test("pages", async () => {
    test.setTimeout(240_000);
    const got: Record<string, (PageOutcome | string)[]> = {};
    const want: Record<string, PageOutcome[]> = {};
    for (const pattern of app.pages) {
      const entry = PAGES[pattern];
      if (!entry) continue; // reported by the coverage test above
      const url = entry.path ? entry.path(fx) : fillPattern(pattern, fx);
      got[pattern] = [];
      want[pattern] = [...entry.expect];
      for (const role of ROLES) got[pattern].push(await pageOutcome(await fx.as[role].get(url, { maxRedirects: 0 })));
      // Past the proxy's cookie-presence gate with a made-up cookie, the page's own guard answers the same.
      const forged = await pageOutcome(await fx.as.anonymous.get(url, { maxRedirects: 0, headers: { cookie: FORGED_COOKIE } }));
      if (forged !== got[pattern][0]) got[pattern].push(`forged cookie: ${forged}`);
    }
    expect(got).toEqual(want);
  });

  test("route handlers", async () => {
    test.setTimeout(240_000);
    const got: Record<string, number[]> = {};
    const want: Record<string, number[]> = {};
    for (const key of app.handlers) {
      const entry = HANDLERS[key];
      if (!entry) continue;
      const [method, pattern] = key.split(" ");
      got[key] = [];
      want[key] = [...entry.expect];
      for (const role of ROLES) {
        const url = entry.path ? await entry.path(fx, role) : fillPattern(pattern, fx);
        const data = entry.body ? await entry.body(fx, role) : undefined;
        // Same-origin, as the app's own pages would send it: the refusals here are about who, not where from.
        const res = await fx.as[role].fetch(url, { method, data, headers: { origin: fx.baseURL }, maxRedirects: 0 });
        got[key].push(res.status());
        if (res.status() >= 400 && res.status() !== 405) {
          // Every refusal of the API is JSON with an error code, never a stack trace or an HTML page.
          expect(res.headers()["content-type"], `${key} as ${role}`).toMatch(/application\/json/);
          expect(JSON.stringify(await res.json()), `${key} as ${role}`).not.toMatch(/at \w+ \(|\.ts:\d+/);
        }
      }
    }
    expect(got).toEqual(want);
  });

  test("server actions, forged as a POST with the Next-Action header", async () => {
    test.setTimeout(300_000);
    const ids = actionIds();
    const got: Record<string, (ActionOutcome | string)[]> = {};
    const want: Record<string, ActionOutcome[]> = {};
    for (const key of app.actions) {
      const entry = ACTIONS[key];
      if (!entry) continue;
      const found = ids.get(key);
      expect(found, `${key} is in the build's server-reference manifest (was the server built from this checkout?)`).toBeDefined();
      if (!found) continue;
      const url = fillPattern(found.page, fx);
      got[key] = [];
      want[key] = [...entry.expect];
      for (const role of ROLES) {
        const res = await callAction(fx.as[role], url, found.id, await entry.form(fx, role), fx.baseURL, role === "anonymous" ? FORGED_COOKIE : undefined);
        got[key].push(await actionOutcome(res));
      }
    }
    expect(got).toEqual(want);
  });

  test("a server action posted from another origin is refused by Next's origin check, and nothing is stored", async () => {
    const ids = actionIds();
    const create = ids.get("app/(app)/account/actions.ts#createTokenAction");
    expect(create).toBeDefined();
    if (!create) return;
    const before = await fx.prisma.apiToken.count({ where: { userId: fx.users.student.id } });
    const res = await callAction(fx.as.student, fillPattern(create.page, fx), create.id, { name: "csrf" }, "https://evil.example");
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(await fx.prisma.apiToken.count({ where: { userId: fx.users.student.id } })).toBe(before);
    // The control: the same request from our own origin does store one.
    const ok = await callAction(fx.as.student, fillPattern(create.page, fx), create.id, { name: "same-origin" }, fx.baseURL);
    expect(await actionOutcome(ok)).toBe("allowed");
    expect(await fx.prisma.apiToken.count({ where: { userId: fx.users.student.id } })).toBe(before + 1);
  });

  test("a cookie-authenticated API write from another site is refused; a bearer token is exempt", async () => {
    const body = (key: string) => ({ assessmentId: fx.assessmentA.id, questionId: fx.questionA.id, answer: { kind: "integer", value: 3 }, idempotencyKey: `csrf-${key}-${fx.tag}` });
    const count = () => fx.prisma.attempt.count({ where: { userId: fx.users.student.id } });
    const before = await count();
    const attacks: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of attacks) {
      const res = await fx.as.student.post("/api/attempts", { data: body(Object.values(headers)[0].replace(/\W/g, "")), headers });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect((await res.json()).message).toMatch(/Cross-site requests are refused|Origin is not valid/);
    }
    expect(await count()).toBe(before);
    const { token } = await createToken(fx);
    const bearer = await fx.as.anonymous.post("/api/attempts", { data: body("bearer"), headers: { origin: "https://lms.example", authorization: `Bearer ${token}` } });
    expect(bearer.status()).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});

async function createToken(fx: Fixture): Promise<{ token: string }> {
  const { generateToken, hashToken, tokenPrefix } = await import("../../lib/auth/tokens");
  const token = generateToken();
  await fx.prisma.apiToken.create({ data: { userId: fx.users.student.id, name: "matrix", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
  return { token };
}

