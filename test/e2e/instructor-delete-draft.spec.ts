// Deleting a draft assessment in Chromium: the panel asks for a ticked box before it deletes, the
// list then says so and no longer shows it; a published assessment offers no delete at all.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createCourse, person, signUp } from "./helpers";

const shots = path.join(import.meta.dirname, "screenshots");

async function noSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

/** A draft with one question from the shared bank, made in the builder; returns its page's URL. */
async function newDraft(page: Page, courseUrl: string, title: string): Promise<string> {
  await page.goto(`${courseUrl}/assessments/new`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Add a question: search by title or mechanism").fill("refcount");
  await page.getByRole("list", { name: "Matching templates" }).getByRole("button", { name: /^Add / }).first().click();
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByText("Assessment created as a draft. Publish it when it is ready.")).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

test("an instructor deletes a draft after confirming; a published assessment cannot be deleted", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, person("Tidy"), { instructor: true });
  const { url } = await createCourse(page, "Drafts to tidy");
  const courseUrl = `/instructor/courses/${new URL(url).pathname.split("/").at(-1)}`;

  await newDraft(page, courseUrl, "Draft to delete");
  await page.getByText("Delete this draft…").click();
  const panel = page.getByTestId("delete-draft");
  // Without the box ticked nothing is deleted, and the reason shows at the box.
  await panel.getByRole("button", { name: "Delete draft" }).click();
  await expect(panel.getByText("Tick the box to confirm.")).toBeVisible();
  await expect(page.getByTestId("publish-state")).toHaveText("Draft: students do not see it.");
  await page.screenshot({ path: path.join(shots, "instructor-delete-draft.png"), fullPage: true });
  await noSeriousViolations(page, "delete draft panel");

  await panel.getByLabel("Yes, delete “Draft to delete”.").check();
  await panel.getByRole("button", { name: "Delete draft" }).click();
  await expect(page.getByText("Draft deleted.")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`${courseUrl}/assessments`);
  await expect(page.getByRole("link", { name: "Draft to delete" })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, "instructor-draft-deleted.png"), fullPage: true });

  // Published: no delete panel; unpublished again (no attempts), it is offered again.
  await newDraft(page, courseUrl, "Published one");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();
  await expect(page.getByTestId("delete-draft")).toHaveCount(0);
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("delete-draft")).toHaveCount(1);
});
