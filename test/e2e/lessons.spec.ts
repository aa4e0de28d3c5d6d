// The lessons in a real browser: every lesson opens, its memory visualizer steps by keyboard and
// by button and shows, at every step, the refcount the simulator computes for each object; the
// race visualizer loses an update without the lock and not with it; an inline check is graded on
// the server and saved to the signed-in student's progress; axe-core finds no serious or critical
// violation, light and dark. Screenshots land in test/e2e/screenshots/ for a person to look at.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { run } from "@/lib/sim";
import { LESSON_SLUGS } from "@/lib/lessons/meta";
import { PYTHON_VERSIONS, type PythonVersion } from "@/lib/questions/mechanisms";
import { toStepperRun } from "@/lib/lessons/trace";
import { person, signUp } from "./helpers";

const dir = path.join(import.meta.dirname, "screenshots");

async function noSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

/** The refcounts the page shows now, by object id (reachable objects only). */
async function shownRefcounts(stepper: Locator): Promise<Map<number, number | null>> {
  const boxes = await stepper.getByTestId("heap-object").all();
  const out = new Map<number, number | null>();
  for (const b of boxes) {
    const id = Number(await b.getAttribute("data-object-id"));
    const v = await b.getByTestId("refcount").getAttribute("data-value");
    out.set(id, v === null ? null : Number(v));
  }
  return out;
}

/** Steps through a visualizer and compares every step with the simulator's own trace. */
async function stepAndCompare(page: Page, stepper: Locator, python: PythonVersion): Promise<number> {
  const code = (await stepper.getAttribute("data-code")) ?? "";
  const mode = (await stepper.getAttribute("data-mode")) === "repl" ? "repl" : "script";
  const sim = toStepperRun(python, run(code, { python, mode, trace: true }));
  if (!sim.ok) throw new Error(`the simulator cannot run this lesson program: ${sim.error}`);
  await stepper.focus();
  await page.keyboard.press("Home");
  let compared = 0;
  for (let i = 0; i < sim.steps.length; i++) {
    await expect(stepper).toHaveAttribute("data-step", String(i));
    const expected = new Map(sim.steps[i].objects.filter((o) => !o.unreachable).map((o) => [o.id, o.refcount]));
    expect(await shownRefcounts(stepper), `step ${i + 1} on ${python}`).toEqual(expected);
    compared += [...expected.values()].filter((v) => v !== null).length;
    if (i < sim.steps.length - 1) await page.keyboard.press("ArrowRight");
  }
  return compared;
}

test.describe("every lesson", () => {
  for (const slug of LESSON_SLUGS) {
    test(slug, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/lessons/${slug}`);
      await expect(page.getByTestId("lesson")).toHaveAttribute("data-slug", slug);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

      // The reveal opens and shows the output.
      const predict = page.getByTestId("predict").first();
      await predict.getByText("Reveal the output").click();
      await expect(predict.getByTestId("predict-output")).toBeVisible();

      const steppers = await page.getByTestId("memory-stepper").all();
      let compared = 0;
      for (const stepper of steppers) compared += await stepAndCompare(page, stepper, "3.12");
      if (steppers.length) {
        // Lessons about ints and strings may show only objects whose count is not modelled.
        if (!["pooling", "interning", "immutable"].includes(slug)) expect(compared, "at least one modelled refcount was compared").toBeGreaterThan(0);
        // The buttons step too, and the version selector switches traces.
        const first = steppers[0];
        await first.getByRole("combobox", { name: "Python" }).selectOption("3.10");
        await expect(first).toHaveAttribute("data-python", "3.10");
        await first.focus();
        await page.keyboard.press("Home");
        await first.getByRole("button", { name: "Next step" }).click();
        await first.getByRole("button", { name: "Next step" }).click();
        await first.getByRole("button", { name: "Previous step" }).click();
        await expect(first).toHaveAttribute("data-step", "1");
        await first.scrollIntoViewIfNeeded();
        await first.screenshot({ path: path.join(dir, `lesson-${slug}-stepper.png`) });
      }
      await page.screenshot({ path: path.join(dir, `lesson-${slug}.png`), fullPage: true });
      await noSeriousViolations(page, slug);
    });
  }
});

test("the first stepper agrees with the simulator on every Python version", async ({ page }) => {
  await page.goto("/lessons/refcount");
  const stepper = page.getByTestId("memory-stepper").first();
  for (const v of PYTHON_VERSIONS) {
    await stepper.getByRole("combobox", { name: "Python" }).selectOption(v);
    await expect(stepper).toHaveAttribute("data-python", v);
    await stepAndCompare(page, stepper, v);
  }
});

test("a freed object is shown leaving, and a garbage cycle is shown unreachable until collected", async ({ page }) => {
  await page.goto("/lessons/gc");
  const stepper = page.getByTestId("memory-stepper").first();
  await stepper.focus();
  await page.keyboard.press("End");
  // After both dels, before gc.collect(): two lists each referenced once, by the other.
  for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowLeft");
  await expect(stepper.locator("[aria-current=step]")).toContainText("gc.collect()");
  await expect(stepper.locator("[data-testid=refcount-unreachable]")).toHaveCount(2);
  await expect(stepper.locator("[data-testid=refcount-unreachable]").first()).toHaveAttribute("data-value", "1");
  await page.keyboard.press("ArrowRight");
  await expect(stepper.getByTestId("freed-object")).toHaveCount(2);
});

test("the race visualizer loses an update without a lock and not with one", async ({ page }) => {
  await page.goto("/lessons/refcount-costs");
  const nolock = page.getByTestId("race-nolock");
  await nolock.focus();
  await page.keyboard.press("End");
  await expect(nolock.getByTestId("race-counter")).toHaveText("2");
  await expect(nolock.getByTestId("race-final-values")).toContainText("ends 2 or 3");
  await expect(page.getByTestId("race-lock").getByTestId("race-final-values")).toContainText("always 3");
  await expect(nolock).toContainText("one increment is lost");
  const lock = page.getByTestId("race-lock");
  for (let i = 0; i < 11; i++) await lock.getByRole("button", { name: "Next step, With a lock (mutex)" }).click();
  await expect(lock.getByTestId("race-counter")).toHaveText("3");
  await expect(lock).toContainText("waits");
  await page.getByTestId("race-stepper").screenshot({ path: path.join(dir, "lesson-race.png") });
});

test("inline checks are graded on the server and saved to the student's progress", async ({ page }) => {
  await signUp(page, person("Learner"));
  await page.goto("/lessons/refcount");
  const [numeric, concept] = [page.locator("[data-check-id=refcount-container-slots]"), page.locator("[data-check-id=refcount-getrefcount-extra]")];

  // A wrong answer first: graded, not saved.
  await numeric.getByLabel("Your answer").fill("7");
  await numeric.getByRole("button", { name: "Check my answer" }).click();
  await expect(numeric.getByTestId("check-verdict")).toHaveAttribute("data-correct", "false");

  // The right answer is whatever the simulator prints for the check's program.
  const code = (await numeric.getByLabel("Program for this check").innerText()).split("\n").map((l) => l.replace(/^\s*\d+\s?/, "")).join("\n");
  const answer = run(code, { python: "3.12" }).stdout.trim();
  await numeric.getByLabel("Your answer").fill(answer);
  await numeric.getByRole("button", { name: "Check my answer" }).click();
  await expect(numeric.getByTestId("check-verdict")).toHaveAttribute("data-correct", "true");
  await expect(numeric).toContainText("Saved to your progress.");

  await concept.getByLabel(/temporary reference during the call/).check();
  await concept.getByRole("button", { name: "Check my answer" }).click();
  await expect(concept.getByTestId("check-verdict")).toHaveAttribute("data-correct", "true");
  await page.screenshot({ path: path.join(dir, "lesson-check-graded.png"), fullPage: false });

  await page.goto("/lessons");
  const card = page.getByTestId("lesson-card").filter({ hasText: "Reference counting" }).first();
  await expect(card.getByTestId("lesson-progress")).toHaveText("completed");
  await expect(page.getByText(/You have completed 1 of 12/)).toBeVisible();
  await page.screenshot({ path: path.join(dir, "lessons-index-progress.png"), fullPage: true });
  await noSeriousViolations(page, "index signed in");

  // Progress survives a reload: both checks are marked done when the student comes back.
  await page.goto("/lessons/refcount");
  await expect(numeric.getByText("done", { exact: true })).toBeVisible();
  await expect(concept.getByText("done", { exact: true })).toBeVisible();
});

test("phone and dark mode: the lesson and its visualizer fit and pass axe", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const slug of ["refcount", "interning", "refcount-costs"]) {
    await page.goto(`/lessons/${slug}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${slug} has no horizontal scroll on a phone`).toBeLessThanOrEqual(390);
    const stepper = page.getByTestId("memory-stepper").first();
    await stepper.getByRole("button", { name: "Next step" }).click();
    await stepper.getByRole("button", { name: "Next step" }).click();
    await stepper.screenshot({ path: path.join(dir, `lesson-${slug}-phone-dark.png`) });
    await noSeriousViolations(page, `${slug} phone dark`);
  }
  await page.goto("/lessons");
  await page.screenshot({ path: path.join(dir, "lessons-index-phone-dark.png"), fullPage: true });
  await context.close();
});
