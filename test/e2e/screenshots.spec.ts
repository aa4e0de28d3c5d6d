// Screenshots of the main pages, light and dark, desktop and phone, for a person to look at.
// Saved under test/e2e/screenshots/ (git-ignored); the README's picks are copied to docs/screenshots/.
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { createCourse, joinCourse, person, signOut, signUp } from "./helpers";

const dir = path.join(import.meta.dirname, "screenshots");
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });

test("main pages, desktop, light and dark", async ({ browser }) => {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto("/");
    await shot(page, `home-${scheme}`);
    await page.goto("/signin");
    await shot(page, `signin-${scheme}`);
    await page.goto("/signup");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await shot(page, `signup-errors-${scheme}`);

    await signUp(page, person("Ada"), { instructor: true });
    await shot(page, `dashboard-${scheme}`);
    const course = await createCourse(page, "SC1007 Memory management");
    await shot(page, `course-instructor-${scheme}`);
    await page.goto("/instructor");
    await shot(page, `instructor-${scheme}`);
    await page.goto("/account");
    await page.getByLabel("Token name").fill("grading script");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toBeVisible();
    await shot(page, `account-${scheme}`);
    await signOut(page);

    await signUp(page, person("Grace"));
    await joinCourse(page, course.code);
    await expect(page.getByTestId("enrolled-as")).toBeVisible();
    await shot(page, `course-student-${scheme}`);
    await page.goto("/courses");
    await shot(page, `courses-${scheme}`);
    await page.goto("/instructor");
    await shot(page, `forbidden-${scheme}`);
    await context.close();
  }
});

test("phone-sized pages", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/");
  await shot(page, "home-phone");
  await signUp(page, person("Phone"));
  await page.goto("/courses");
  await shot(page, "courses-phone");
  await context.close();
});
