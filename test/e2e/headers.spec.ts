// Every response carries the baseline security headers (next.config.mjs): pages, the API and
// errors alike, since a page that can be framed or sniffed is an attack on everyone who uses it.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { createPrisma } from "../../lib/db/client";
import { databaseUrl, hasPostgres, PASSWORD } from "../security/fixture";
import { NEXT_DIR } from "../security/routes";

const expected: Record<string, string | RegExp> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": "same-origin",
};

for (const path of ["/", "/signin", "/api/health", "/api/attempts", "/no-such-page"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(expected)) {
      if (typeof value === "string") expect(headers[name], name).toBe(value);
      else expect(headers[name], name).toMatch(value);
    }
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

// Cookies in production mode: a second server, `npm start`'s script on the same build, with an
// empty NEXTAUTH_URL (unset: the host comes from the request, as behind a load balancer). Its session and CSRF
// cookies must be Secure, HttpOnly and SameSite, whatever the URL it is reached by.
test.describe("in production mode", () => {
  test.skip(!hasPostgres, "production mode needs DATABASE_URL naming a PostgreSQL server");
  let server: ChildProcess | undefined;
  let base = "";

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const root = path.dirname(NEXT_DIR);
    server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts"), "production"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: "", PORT: String(port), HEAPWISE_IGNORE_DOTENV: "1" },
      stdio: "ignore",
      detached: true,
    });
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error("the production-mode server did not start");
  });
  test.afterAll(() => {
    // The script stops Next and itself on SIGTERM; its process group holds both.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  test("session and CSRF cookies are Secure, HttpOnly and SameSite=Lax; the CSP has no eval", async () => {
    const prisma = createPrisma({ url: databaseUrl, poolMax: 1 });
    const email = `prod-${randomBytes(4).toString("hex")}@example.test`;
    await prisma.user.create({ data: { email, name: "Prod", passwordHash: await hashPassword(PASSWORD) } });
    await prisma.$disconnect();

    const csrf = await fetch(`${base}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().find((c) => c.includes("csrf-token")) ?? "";
    expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(attributes(csrfCookie)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));

    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.split(";")[0] },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
      redirect: "manual",
    });
    const session = signIn.headers.getSetCookie().find((c) => c.includes("session-token")) ?? "";
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(attributes(session)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));

    const page = await fetch(`${base}/`);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-eval");
  });
});

function attributes(setCookie: string): string[] {
  return setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => !a.startsWith("expires=") && !a.startsWith("max-age="));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
