// Runs everywhere (no server, no database): every route handler the app has (read from app/ by
// ./routes.ts) is documented in docs/api.md as "METHOD /api/path", dynamic segments written
// {name} and a catch-all as *. A handler added without its documentation fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAppRoutes, ROOT } from "./routes";

/** "GET /api/courses/[courseId]/roster" as the docs write it: "GET /api/courses/{courseId}/roster". */
function documentedForm(handler: string): string {
  return handler.replace(/\[\.\.\.[^\]]+\]/g, "*").replace(/\[([^\]]+)\]/g, "{$1}");
}

describe("docs/api.md lists every route handler", () => {
  const docs = readFileSync(path.join(ROOT, "docs/api.md"), "utf8");
  const handlers = readAppRoutes().handlers;

  it("finds the handlers (the walk itself works)", () => {
    expect(handlers).toContain("POST /api/attempts");
    expect(handlers).toContain("GET /api/courses/[courseId]/roster");
  });

  it("writes paths as the docs do", () => {
    expect(documentedForm("PATCH /api/courses/[courseId]/roster/[userId]")).toBe("PATCH /api/courses/{courseId}/roster/{userId}");
    expect(documentedForm("GET /api/auth/[...nextauth]")).toBe("GET /api/auth/*");
  });

  it("mentions each one", () => {
    expect(handlers.filter((h) => !docs.includes(documentedForm(h)))).toEqual([]);
  });
});
