import { expect, test } from "@playwright/test";
import { person, signIn, signOut, signUp } from "./helpers";

test("sign up, sign out, sign in again", async ({ page }) => {
  const alice = person("Alice");
  await signUp(page, alice);
  await expect(page.getByTestId("signed-in-as")).toHaveText(alice.name);

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);

  await page.getByLabel("Email").fill(alice.email.toUpperCase()); // emails are case-insensitive
  await page.getByLabel("Password").fill(alice.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Hello, ${alice.name}` })).toBeVisible();
  await expect(page.getByText("You are signed in as a student.")).toBeVisible();
});

test("a wrong password is refused with a message, and the user stays signed out", async ({ page }) => {
  const bob = person("Bob");
  await signUp(page, bob);
  await signOut(page);
  await signIn(page, { ...bob, password: "not-the-password" });
  await expect(page.locator("form [role=alert]")).toHaveText("That email and password do not match an account.");
  await expect(page).toHaveURL(/\/signin/);
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(401);
});

test("sign-up validates its fields and refuses a taken email without an error page", async ({ page }) => {
  const carol = person("Carol");
  await page.goto("/signup");
  await page.getByLabel("Name").fill(carol.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(carol.name); // what was typed survives

  await signUp(page, carol);
  await signOut(page);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone else");
  await page.getByLabel("Email").fill(carol.email);
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("An account with this email already exists.");
});
