// Sessions and sign-in under attack: signing out ends the session on the server (a copied cookie
// stops working), guessing a password is slowed per address and account with a message saying for
// how long, while the owner signing in from elsewhere is not slowed at all; weak passwords are
// refused at sign-up with a message that says what to do.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { person, signOut, signUp } from "./helpers";

/** Serious and critical accessibility problems of the page as it is now (error messages shown). */
async function seriousAxe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

let n = 0;
/** A made-up client address per scenario, so throttles of different tests never meet. */
const address = () => `198.51.100.${(process.pid % 200) + (++n % 50)}-${Date.now() % 100000}`;

async function credentialsSignIn(ctx: APIRequestContext, email: string, password: string, ip: string): Promise<{ error: string | null; cookie: string | null }> {
  const csrf = await ctx.get("/api/auth/csrf", { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers: { "x-forwarded-for": ip }, maxRedirects: 0 });
  // With json=true next-auth answers {url} (200 on success, 401 on failure) instead of redirecting.
  const text = await res.text();
  const location = text.startsWith("{") ? (JSON.parse(text) as { url: string }).url : (res.headers().location ?? "");
  const error = new URL(location, "http://x").searchParams.get("error");
  const cookie = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && /session-token=/.test(h.value))?.value.split(";")[0] ?? null;
  return { error, cookie };
}

test("signing out ends the session on the server: a copy of the cookie no longer works", async ({ page, baseURL }) => {
  const who = person("Leaver");
  await signUp(page, who);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  const copy = `${session?.name}=${session?.value}`;
  const thief = await playwrightRequest.newContext({ baseURL });
  expect((await thief.get("/api/me", { headers: { cookie: copy } })).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const me = await thief.get("/api/me", { headers: { cookie: copy } });
  expect(me.status()).toBe(401);
  const dashboard = await thief.get("/dashboard", { headers: { cookie: copy }, maxRedirects: 0 });
  expect(await dashboard.text()).toMatch(/\/signin/);
  // Signing in again gives a new session that works.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await thief.dispose();
});

test("password guessing is slowed per address and account; the owner elsewhere is not", async ({ page, baseURL }) => {
  const victim = person("Victim");
  await signUp(page, victim);
  const attacker = await playwrightRequest.newContext({ baseURL });
  const owner = await playwrightRequest.newContext({ baseURL });
  const from = address();
  const errors: (string | null)[] = [];
  for (let i = 0; i < 6; i++) errors.push((await credentialsSignIn(attacker, victim.email, `wrong-guess-${i}`, from)).error);
  expect(errors).toEqual([...Array(5).fill("CredentialsSignin"), "TooManyAttempts:1"]);
  // Still waiting: even the right password is not looked at from that address.
  expect((await credentialsSignIn(attacker, victim.email, victim.password, from)).error).toMatch(/^TooManyAttempts:\d+$/);
  // The owner, from another address, signs in at once.
  const home = await credentialsSignIn(owner, victim.email, victim.password, address());
  expect(home).toMatchObject({ error: null });
  expect(home.cookie).toBeTruthy();
  // The wait is bounded: after it, the address may try again.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  expect((await credentialsSignIn(attacker, victim.email, victim.password, from)).error).toBeNull();
  await attacker.dispose();
  await owner.dispose();
});

test("the sign-in form says how long to wait, and sign-up refuses weak passwords with what to do", async ({ page }) => {
  const who = person("Typo");
  await signUp(page, who);
  await signOut(page);
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": address() });
  await page.goto("/signin");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(`not-it-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toBeVisible();
  }
  await expect(page.locator("form [role=alert]")).toHaveText(/Too many wrong passwords from here\. Wait \d+ seconds? before trying again\./);
  await page.screenshot({ path: path.join(import.meta.dirname, "screenshots", "signin-throttled.png") });
  expect(await seriousAxe(page)).toEqual([]);

  await page.context().clearCookies();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Weak");
  await page.getByLabel("Email").fill(`weak-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("Password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is on the lists attackers try first. Choose another.")).toBeVisible();
  await page.screenshot({ path: path.join(import.meta.dirname, "screenshots", "signup-weak-password.png") });
  expect(await seriousAxe(page)).toEqual([]);
  await expect(page).toHaveURL(/\/signup$/);
});
