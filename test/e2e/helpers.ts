// Shared steps for the browser tests. Every test makes its own users (unique emails), so tests
// are independent of order and of each other's data.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct-horse-battery";

export type Person = { name: string; email: string; password: string };

export function person(label: string): Person {
  const id = randomUUID().slice(0, 8);
  return { name: `${label} ${id}`, email: `${label.toLowerCase().replace(/\W+/g, "-")}-${id}@example.test`, password: PASSWORD };
}

export async function signUp(page: Page, who: Person, options: { instructor?: boolean } = {}): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  if (options.instructor) await page.getByLabel("I am an instructor").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Hello, ${who.name}` })).toBeVisible();
}

export async function signIn(page: Page, who: Person, path = "/signin"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

export async function createCourse(page: Page, title: string, pythonVersion = "3.12"): Promise<{ url: string; code: string }> {
  await page.goto("/instructor/courses/new");
  await page.getByLabel("Course title").fill(title);
  await page.getByLabel("Python version").selectOption(pythonVersion);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
  return { url: page.url(), code };
}

export async function joinCourse(page: Page, code: string): Promise<void> {
  await page.goto("/courses");
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join course" }).click();
}
