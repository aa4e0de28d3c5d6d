// Pages, not route handlers, with hostile text in a dynamic path segment: NUL (PostgreSQL's text
// type refuses it, so a lookup would fail as a 500), a lone surrogate (not valid UTF-8: the
// segment cannot even be decoded), SQL, and markup. The page routes are read from app/ (a new
// dynamic page is covered without touching this file); each segment is poisoned in turn, the
// others filled with real rows (test/security/fixture.ts), as a signed-in student and as an instructor. Every answer must be
// the app's own 404 page (or a 400), or the 403 the authorization matrix already gives that caller
// for that page; never a 500, a stack trace, or the markup echoed unescaped.
import { expect, test } from "@playwright/test";
import { buildFixture, type Fixture, hasPostgres, NEEDS_POSTGRES, ROLES } from "../security/fixture";
import { fillPattern, PAGES } from "../security/matrix";
import { readAppRoutes } from "../security/routes";

const XSS = `<img src=x onerror="window.__pwned=1">"><script>alert(2)</script>`;
const SQL = `x'); DROP TABLE "Attempt"; --`;
const POISONS: [string, string][] = [
  ["NUL", "%00"],
  ["NUL inside an id", "abc%00def"],
  ["lone surrogate", "%ED%A0%80"],
  ["SQL", encodeURIComponent(SQL)],
  ["HTML", encodeURIComponent(XSS)],
  ["an id longer than any lookup takes", "c".repeat(65)],
];
const NOT_FOUND_PAGE = "Nothing lives at this address";
const STACK = /\bat \S+ \(|node_modules|\.tsx?:\d+|PrismaClient|invalid byte sequence/;

const dynamicPages = readAppRoutes().pages.filter((p) => p.includes("["));

test("the page routes read from app/ include the dynamic ones this spec is about", () => {
  // A guard against the reader silently finding nothing (and the spec below passing on nothing).
  expect(dynamicPages).toEqual(expect.arrayContaining(["/lessons/[slug]", "/courses/[courseId]", "/assessments/[id]/questions/[questionId]", "/instructor/courses/[courseId]/questions/[questionId]"]));
});

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
    test(`every dynamic page answers a poisoned segment with a clean 404 or 400, as ${role === "instructor" ? "an" : "a"} ${role}`, async () => {
      test.setTimeout(300_000);
      const column = ROLES.indexOf(role);
      const bad: string[] = [];
      let asked = 0;
      for (const pattern of dynamicPages) {
        const entry = PAGES[pattern];
        expect(entry, `${pattern} has no entry in test/security/matrix.ts`).toBeDefined();
        // A 403 is right only where this caller is refused the page before the segment is read.
        const allowed = entry.expect[column] === 403 ? [400, 403, 404] : [400, 404];
        const segments = pattern.split("/");
        for (let i = 0; i < segments.length; i++) {
          if (!segments[i].startsWith("[")) continue;
          for (const [name, poison] of POISONS) {
            const filled = fillPattern(pattern, fx).split("/");
            filled[i] = poison;
            const res = await fx.as[role].get(filled.join("/"), { maxRedirects: 0 });
            const html = await res.text();
            asked++;
            const problems = [
              allowed.includes(res.status()) ? "" : `status ${res.status()}`,
              res.status() === 404 && !html.includes(NOT_FOUND_PAGE) ? "not the app's 404 page" : "",
              html.includes("<script>alert(2)") || html.includes('onerror="window.__pwned') ? "markup echoed unescaped" : "",
              STACK.test(html) ? `internals shown: ${STACK.exec(html)?.[0]}` : "",
            ].filter(Boolean);
            if (problems.length) bad.push(`${pattern} [${segments[i]}=${name}]: ${problems.join(", ")}`);
          }
        }
      }
      expect(bad).toEqual([]);
      // Every dynamic segment of every page, every way.
      expect(asked).toBeGreaterThanOrEqual(dynamicPages.length * POISONS.length);
    });
  }
});
