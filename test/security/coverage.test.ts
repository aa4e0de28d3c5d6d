// Runs everywhere (no server, no database): every route the app has is in the authorization
// matrix, and every matrix entry still names a route. A page, route handler or server action
// added without an entry fails here, before any browser test runs.
import { describe, expect, it } from "vitest";
import { ACTIONS, HANDLERS, PAGES } from "./matrix";
import { exportedFunctions, exportedMethods, isUseServerFile, readAppRoutes, urlPattern } from "./routes";

describe("the authorization matrix covers the app", () => {
  const app = readAppRoutes();

  it("finds the app's routes (the walk itself works)", () => {
    expect(app.pages).toContain("/instructor");
    expect(app.handlers).toContain("POST /api/attempts");
    expect(app.actions).toContain("app/(app)/admin/actions.ts#setRoleAction");
  });

  it.each([
    ["pages", app.pages, Object.keys(PAGES)],
    ["route handlers", app.handlers, Object.keys(HANDLERS)],
    ["server actions", app.actions, Object.keys(ACTIONS)],
  ])("every one of the app's %s has an entry, and every entry a route", (_kind, found, listed) => {
    expect({ withoutEntry: found.filter((r) => !listed.includes(r)), withoutRoute: listed.filter((r) => !found.includes(r)) }).toEqual({ withoutEntry: [], withoutRoute: [] });
  });
});

describe("reading routes", () => {
  it("drops route groups from URLs", () => {
    expect(urlPattern("(app)/instructor/courses/[courseId]")).toBe("/instructor/courses/[courseId]");
    expect(urlPattern("")).toBe("/");
  });

  it("reads HTTP methods from declarations and re-exports, not from comments", () => {
    expect(exportedMethods("export const GET = route(...);\nexport async function POST() {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("const handler = NextAuth(o);\nexport { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("// export const DELETE = nothing\nexport const GET = x;")).toEqual(["GET"]);
  });

  it("reads server action files and their exports", () => {
    const source = '"use server";\n// why\nexport const a = action();\nexport async function b() {}\nconst c = 1;';
    expect(isUseServerFile(source)).toBe(true);
    expect(isUseServerFile('// comment first\n"use server";\nexport const a = 1;')).toBe(true);
    expect(isUseServerFile('"use client";\nexport const a = 1;')).toBe(false);
    expect(exportedFunctions(source)).toEqual(["a", "b"]);
  });
});
