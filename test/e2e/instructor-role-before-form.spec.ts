// The course staff's server actions check the caller's role in the course before they judge the
// form: a student of the course, or another course's instructor, who posts a malformed form to
// any of them is refused, and never gets the field errors that would describe the form's schema.
// Every "use server" file under app/(app)/instructor is read from app/ (test/security/routes.ts),
// so an action added later is checked without an edit here. Called as an attacker would: a forged
// POST with the action's id from the build's manifest (test/security/actions.ts).
import { expect, test } from "@playwright/test";
import { actionIds, actionOutcome, callAction } from "../security/actions";
import { buildFixture, type Fixture, hasPostgres, NEEDS_POSTGRES } from "../security/fixture";
import { fillPattern } from "../security/matrix";
import { readAppRoutes } from "../security/routes";

const staffActions = readAppRoutes().actions.filter((a) => a.startsWith("app/(app)/instructor/"));

test.describe("course staff actions refuse before they read the form", () => {
  test.skip(!hasPostgres, NEEDS_POSTGRES);
  let fx: Fixture;

  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    fx = await buildFixture(baseURL ?? "");
  });
  test.afterAll(async () => {
    await fx?.dispose();
  });

  test("a student and another course's instructor get forbidden for a malformed form to each", async () => {
    test.setTimeout(180_000);
    expect(staffActions.length).toBeGreaterThan(10);
    const ids = actionIds();
    const got: Record<string, string[]> = {};
    // Course A's id and nothing else the schemas want, or fields of the wrong shape.
    const forms: Record<string, string>[] = [{ courseId: fx.courseA.id }, { courseId: fx.courseA.id, draft: "{not json", email: "nope", role: "KING", publish: "maybe", confirm: "no" }];
    for (const key of staffActions) {
      const found = ids.get(key);
      expect(found, `${key} is in the build's server-reference manifest`).toBeDefined();
      if (!found) continue;
      const url = fillPattern(found.page, fx);
      got[key] = [];
      for (const role of ["student", "otherInstructor"] as const) {
        for (const form of forms) got[key].push(await actionOutcome(await callAction(fx.as[role], url, found.id, form, fx.baseURL)));
      }
    }
    expect(got).toEqual(Object.fromEntries(staffActions.map((k) => [k, ["forbidden", "forbidden", "forbidden", "forbidden"]])));
  });

  test("the course's instructor gets the form's field errors (the form is still judged, after the role)", async () => {
    const ids = actionIds();
    const add = ids.get("app/(app)/instructor/courses/[courseId]/roster/actions.ts#addMemberAction");
    expect(add).toBeDefined();
    if (!add) return;
    const res = await callAction(fx.as.instructor, fillPattern(add.page, fx), add.id, { courseId: fx.courseA.id, email: "nope", role: "KING" }, fx.baseURL);
    const text = await res.text();
    expect(text).toContain('"status":"error"');
    expect(text).toContain('"code":"invalid"');
  });
});
