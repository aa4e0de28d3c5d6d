import { describe, expect, it } from "vitest";
import { canEdit, ROLES_FOR } from "./course-roles";

describe("course staff rule", () => {
  it("lets TAs and instructors view, only instructors edit, students neither", () => {
    expect(ROLES_FOR.view).toEqual(expect.arrayContaining(["TA", "INSTRUCTOR"]));
    expect(ROLES_FOR.view).not.toContain("STUDENT");
    expect(ROLES_FOR.edit).toEqual(["INSTRUCTOR"]);
    expect([canEdit("INSTRUCTOR"), canEdit("TA"), canEdit("STUDENT")]).toEqual([true, false, false]);
  });
});
