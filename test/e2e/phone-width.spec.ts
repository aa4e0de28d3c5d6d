// No page is wider than a phone. Every page a student or an instructor may open (the
// authorization matrix's "ok" cells, so a new page is covered without touching this file) is
// loaded at 390 px, signed in, with course A's rows from the fixture; the document must not scroll
// sideways. A wide table may scroll inside its own box, but nothing may stick out of it: an sr-only
// label (position: absolute) in a table's last column once made the assessment list 809 px wide.
import { devices, expect, test } from "@playwright/test";
import { buildFixture, type Fixture, hasPostgres, NEEDS_POSTGRES, PASSWORD, ROLES } from "../security/fixture";
import { fillPattern, PAGES } from "../security/matrix";
import { signIn } from "./helpers";

const PHONE = { ...devices["Pixel 5"], viewport: { width: 390, height: 844 } };

test.describe("with a fixture in PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!hasPostgres, NEEDS_POSTGRES);
  let fx: Fixture;
  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    fx = await buildFixture(baseURL ?? "");
  });
  test.afterAll(async () => fx?.dispose());

  for (const role of ["student", "instructor"] as const) {
    test(`every page ${role === "instructor" ? "an" : "a"} ${role} may open fits a 390 px phone`, async ({ browser }) => {
      test.setTimeout(300_000);
      const column = ROLES.indexOf(role);
      const patterns = Object.keys(PAGES).filter((p) => PAGES[p].expect[column] === "ok");
      expect(patterns.length).toBeGreaterThan(5);
      const context = await browser.newContext({ ...PHONE, baseURL: fx.baseURL });
      const page = await context.newPage();
      await signIn(page, { name: role, email: fx.users[role].email, password: PASSWORD });
      await expect(page).toHaveURL(/\/dashboard$/);
      const wide: string[] = [];
      for (const pattern of patterns) {
        const url = PAGES[pattern].path?.(fx) ?? fillPattern(pattern, fx);
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        await page.waitForLoadState("networkidle");
        const found = await page.evaluate((limit) => {
          const width = document.documentElement.scrollWidth;
          if (width <= limit) return null;
          // What sticks out: elements past the right edge that no sideways-scrolling box clips.
          const clipped = (e: Element) => {
            for (let p = e.parentElement; p; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if ((o === "auto" || o === "scroll" || o === "hidden") && p.getBoundingClientRect().right <= limit + 1) return true;
            }
            return false;
          };
          const culprits = [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > limit + 1 && !clipped(e))
            .slice(-3)
            .map((e) => `<${e.tagName.toLowerCase()} class="${String(e.getAttribute("class")).slice(0, 40)}">`);
          return `${width} px: ${culprits.join(" ")}`;
        }, PHONE.viewport.width);
        if (found) wide.push(`${pattern}: ${found}`);
      }
      await context.close();
      expect(wide).toEqual([]);
    });
  }
});
