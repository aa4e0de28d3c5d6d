// The caller's role is checked before the body is read: a student or TA who posts a malformed
// body to an instructor's route gets 403, not a 400 whose issues would teach them the schema. The
// routes are read from app/ (test/security/routes.ts): every state-changing handler under
// /api/courses/[courseId]/ is instructor-only, so one added later is checked here without an edit.
// The real handlers run against a real database, called as functions of a Request with a token.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Caller } from "@/lib/auth/caller";
import { addMember } from "@/lib/courses/roster";
import { createCourse } from "@/lib/courses/service";
import { readAppRoutes, ROOT } from "../security/routes";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();
// Next's build guard against importing server code into the browser; outside Next it has no module.
vi.mock("server-only", () => ({}));

type Handler = (req: Request, context: { params: Promise<unknown> }) => Promise<Response>;

const WRITE = /^(POST|PUT|PATCH|DELETE) /;
const instructorOnly = readAppRoutes()
  .handlers.filter((h) => WRITE.test(h) && h.includes(" /api/courses/[courseId]/"))
  .concat("POST /api/courses");

// Bodies that fail every schema: not JSON, JSON of the wrong type, an object of the wrong shape.
const MALFORMED = ["{malformed", "[1,2,3]", JSON.stringify({ definition: 3, role: "KING", publish: "yes", op: "explode", files: [] })];

async function handlerOf(entry: string): Promise<Handler> {
  const [method, pattern] = entry.split(" ");
  const file = path.join(ROOT, "app", pattern, "route.ts");
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}

describe.skipIf(db.skip)(`role before body on instructor-only routes (${db.target})`, () => {
  const tag = randomUUID().slice(0, 6);
  const tokens: Record<"student" | "ta" | "instructor", string> = { student: "", ta: "", instructor: "" };
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    const users: Record<string, { id: string; email: string }> = {};
    for (const who of ["student", "ta", "instructor"] as const) {
      const user = await signUp({ email: `rbb-${who}-${tag}@example.test`, name: `RBB ${who}`, password: "a-long-enough-password", instructor: who === "instructor" }, true);
      users[who] = { id: user.id, email: user.email };
      tokens[who] = (await createApiToken(user.id, "test")).token;
    }
    const owner: Caller = { id: users.instructor.id, email: users.instructor.email, name: "RBB instructor", role: "INSTRUCTOR", via: "token" };
    const course = await createCourse(owner, { title: `Role first ${tag}`, pythonVersion: "3.12" });
    await addMember(course.id, users.student.email, "STUDENT");
    await addMember(course.id, users.ta.email, "TA");
    // The ids a handler may name; the role check comes first, so they need not be of real rows.
    ids = { courseId: course.id, assessmentId: "no-such-assessment", questionId: "no-such-question", userId: users.student.id, id: "no-such-id" };
  });

  const call = (entry: string, token: string, body: string) => {
    const [method, pattern] = entry.split(" ");
    const names = [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
    const params = Object.fromEntries(names.map((n) => [n, ids[n]]));
    const req = new Request(`http://localhost${pattern}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
    return handlerOf(entry).then((handler) => handler(req, { params: Promise.resolve(params) }));
  };

  it("finds the instructor-only routes (the filter itself works)", () => {
    expect(instructorOnly).toEqual(expect.arrayContaining(["POST /api/courses/[courseId]/questions", "PATCH /api/courses/[courseId]/roster/[userId]", "POST /api/courses/[courseId]/questions/import"]));
  });

  it.each(instructorOnly)("%s: a student and a TA get 403 for every malformed body", async (entry) => {
    for (const who of ["student", "ta"] as const) {
      for (const body of MALFORMED) {
        const response = await call(entry, tokens[who], body);
        expect({ who, body, status: response.status }).toEqual({ who, body, status: 403 });
        expect(await response.json()).toMatchObject({ error: "forbidden" });
      }
    }
  });

  it.each(instructorOnly.filter((e) => !e.startsWith("DELETE ")))("%s: the course's instructor gets 400 for malformed JSON (the body is checked, after the role)", async (entry) => {
    const response = await call(entry, tokens.instructor, "{malformed");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid" });
  });
});
