// The real route handlers of app/api, called as functions of a Request carrying an API token:
// who-is-calling → zod → handler → the JSON error vocabulary.
import { describe, expect, it } from "vitest";
import { POST as joinPost } from "@/app/api/courses/join/route";
import { GET as coursesGet, POST as coursesPost } from "@/app/api/courses/route";
import { GET as meGet } from "@/app/api/me/route";
import { signUp } from "@/lib/auth/accounts";
import { createApiToken } from "@/lib/auth/api-tokens";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();
const noParams = { params: Promise.resolve({}) };
let n = 0;

async function userWithToken(instructor: boolean): Promise<{ id: string; token: string }> {
  const user = await signUp({ email: `api${++n}-${Date.now()}@example.test`, name: `API ${n}`, password: "a-long-enough-password", instructor }, true);
  return { id: user.id, token: (await createApiToken(user.id, "test")).token };
}

function request(method: string, token: string | null, body?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request("http://localhost/api/x", { method, headers, body });
}

describe.skipIf(db.skip)("course API handlers", () => {
  it("answer 401 JSON to an unknown token", async () => {
    for (const call of [coursesGet(request("GET", "hw_unknown"), noParams), meGet(request("GET", "hw_unknown"), noParams)]) {
      const response = await call;
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sign in first." });
    }
  });

  it("let instructors create courses, and refuse students with 403 before reading the body", async () => {
    const teacher = await userWithToken(true);
    const student = await userWithToken(false);
    const created = await coursesPost(request("POST", teacher.token, JSON.stringify({ title: "Refcounts 101", pythonVersion: "3.11" })), noParams);
    expect(created.status).toBe(201);
    const { course } = (await created.json()) as { course: { id: string; joinCode: string; pythonVersion: string } };
    expect(course.joinCode).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
    expect(course.pythonVersion).toBe("3.11");

    const refused = await coursesPost(request("POST", student.token, "{malformed"), noParams);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden" });
    expect(await db.prisma.course.count({ where: { ownerId: student.id } })).toBe(0);
  });

  it("answer 400 for malformed JSON and for invalid fields, with the fields named", async () => {
    const teacher = await userWithToken(true);
    const malformed = await coursesPost(request("POST", teacher.token, "{not json"), noParams);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "invalid", message: "The request body is not valid JSON." });
    const invalid = await coursesPost(request("POST", teacher.token, JSON.stringify({ title: "", pythonVersion: "3.9" })), noParams);
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path).sort()).toEqual(["pythonVersion", "title"]);
  });

  it("join by code once, harmlessly again, and list only the caller's courses", async () => {
    const teacher = await userWithToken(true);
    const student = await userWithToken(false);
    const stranger = await userWithToken(false);
    const created = await coursesPost(request("POST", teacher.token, JSON.stringify({ title: "Cycles" })), noParams);
    const { course } = (await created.json()) as { course: { id: string; joinCode: string; pythonVersion: string } };
    expect(course.pythonVersion).toBe("3.12"); // the default

    const code = `${course.joinCode.slice(0, 4).toLowerCase()}-${course.joinCode.slice(4)}`;
    const first = await joinPost(request("POST", student.token, JSON.stringify({ code })), noParams);
    expect(first.status).toBe(201);
    const second = await joinPost(request("POST", student.token, JSON.stringify({ code: course.joinCode })), noParams);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ courseId: course.id, alreadyEnrolled: true });
    expect(await db.prisma.enrolment.count({ where: { courseId: course.id } })).toBe(1);

    const wrong = await joinPost(request("POST", stranger.token, JSON.stringify({ code: "ZZZZ2222" })), noParams);
    expect(wrong.status).toBe(404);
    expect(await wrong.json()).toMatchObject({ error: "not_found", issues: [{ path: "code" }] });

    await db.prisma.course.update({ where: { id: course.id }, data: { joinCodeEnabled: false } });
    const closed = await joinPost(request("POST", stranger.token, JSON.stringify({ code: course.joinCode })), noParams);
    expect(closed.status).toBe(404);

    const studentList = (await (await coursesGet(request("GET", student.token), noParams)).json()) as { courses: object[] };
    expect(studentList.courses).toEqual([{ id: course.id, title: "Cycles", pythonVersion: "3.12", courseRole: "STUDENT", joinCode: null, studentCount: 1 }]);
    const teacherList = (await (await coursesGet(request("GET", teacher.token), noParams)).json()) as { courses: object[] };
    expect(teacherList.courses).toEqual([expect.objectContaining({ id: course.id, courseRole: "INSTRUCTOR", joinCode: course.joinCode, studentCount: 1 })]);
    const strangerList = (await (await coursesGet(request("GET", stranger.token), noParams)).json()) as { courses: object[] };
    expect(strangerList.courses).toEqual([]);
  });

  it("a join-code collision is retried with a fresh code", async () => {
    const { createCourse } = await import("@/lib/courses/service");
    const teacher = await userWithToken(true);
    const owner = { id: teacher.id, email: "", name: "", role: "INSTRUCTOR" as const, via: "token" as const };
    const taken = await createCourse(owner, { title: "First", pythonVersion: "3.12" });
    const codes = [taken.joinCode, taken.joinCode, "NEWCQDE2"];
    const second = await createCourse(owner, { title: "Second", pythonVersion: "3.12" }, () => codes.shift() ?? "UNUSED22");
    expect(second.joinCode).toBe("NEWCQDE2");
  });
});
