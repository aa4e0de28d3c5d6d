// Accounts, tokens and guards against a real database (PostgreSQL or the embedded PGlite).
import { describe, expect, it } from "vitest";
import { signUpAction } from "@/app/(public)/signup/actions";
import { checkCredentials, LOCK_MINUTES, MAX_FAILED_SIGN_INS, signUp } from "@/lib/auth/accounts";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { type Caller, callerFromToken, callerFromUserId } from "@/lib/auth/caller";
import { requireCourseRole, requireRole, requireUser } from "@/lib/auth/guards";
import { verifyPassword } from "@/lib/auth/password";
import { createCourse } from "@/lib/courses/service";
import { HttpError } from "@/lib/http/errors";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();
let n = 0;
const email = () => `user${++n}-${Date.now()}@example.test`;
const input = (overrides: Partial<{ email: string; instructor: boolean }> = {}) => ({
  email: email(),
  name: "Test User",
  password: "a-long-enough-password",
  instructor: false,
  ...overrides,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof HttpError) return error.code;
    throw error;
  }
}

describe.skipIf(db.skip)("accounts", () => {
  it("stores a bcrypt hash, never the password, and creates students by default", async () => {
    const user = await signUp(input({ instructor: true }), false);
    expect(user.role).toBe("STUDENT"); // asked for instructor, but open sign-up is off
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.passwordHash).not.toContain("a-long-enough-password");
    expect(await verifyPassword("a-long-enough-password", row.passwordHash)).toBe(true);
    expect((await signUp(input({ instructor: true }), true)).role).toBe("INSTRUCTOR");
  });

  it("refuses a taken email as a field-level conflict", async () => {
    const first = input();
    await signUp(first, false);
    const error = await signUp({ ...first, name: "Other" }, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: "conflict", issues: [{ path: "email" }] });
  });

  it("the sign-up action returns field errors, not a throw, for bad input and a taken email", async () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      return data;
    };
    const bad = await signUpAction({ status: "idle" }, form({ email: "nope", name: "", password: "short" }));
    expect(bad.status).toBe("error");
    if (bad.status !== "error") return;
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["email", "name", "password"]);
    expect(bad.values).toEqual({ email: "nope", name: "" }); // the password is never echoed back

    const taken = email();
    const ok = await signUpAction({ status: "idle" }, form({ email: taken, name: "A", password: "violet-anchor-tuesday" }));
    expect(ok).toMatchObject({ status: "ok", data: { email: taken, role: "STUDENT" } });
    const again = await signUpAction({ status: "idle" }, form({ email: taken.toUpperCase(), name: "B", password: "violet-anchor-tuesday" }));
    expect(again).toMatchObject({ status: "error", fieldErrors: { email: ["An account with this email already exists."] } });
  });

  it("checks credentials, and locks the account after too many wrong passwords", async () => {
    const who = input();
    await signUp(who, false);
    expect(await checkCredentials(who.email, who.password)).toMatchObject({ ok: true, user: { email: who.email } });
    expect(await checkCredentials("nobody@example.test", who.password)).toEqual({ ok: false, reason: "invalid" });

    const now = new Date();
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) expect(await checkCredentials(who.email, "wrong-password", now)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(who.email, "wrong-password", now)).toEqual({ ok: false, reason: "locked" });
    // Locked: even the right password is refused until the lock expires.
    expect(await checkCredentials(who.email, who.password, now)).toEqual({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await checkCredentials(who.email, who.password, later)).toMatchObject({ ok: true });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { email: who.email } });
    expect(row).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });
});

describe.skipIf(db.skip)("API tokens", () => {
  it("resolve to their user until revoked; only the owner can revoke", async () => {
    const owner = await signUp(input(), false);
    const other = await signUp(input(), false);
    const { token, view } = await createApiToken(owner.id, "script");
    const stored = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await callerFromToken(token)).toMatchObject({ id: owner.id, via: "token" });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt).not.toBeNull();
    expect(await callerFromToken(`${token}x`)).toBeNull();

    expect(await codeOf(revokeApiToken(other.id, view.id))).toBe("not_found");
    expect(await callerFromToken(token)).not.toBeNull();
    await revokeApiToken(owner.id, view.id);
    expect(await callerFromToken(token)).toBeNull();
    expect(await listApiTokens(owner.id)).toEqual([]);
  });
});

describe.skipIf(db.skip)("guards", () => {
  it("re-read the role from the database: a demoted instructor loses access at once", async () => {
    const user = await signUp(input({ instructor: true }), true);
    const before = await callerFromUserId(user.id);
    expect(await codeOf(requireRole("INSTRUCTOR", before))).toBe("ok");
    await db.prisma.user.update({ where: { id: user.id }, data: { role: "STUDENT" } });
    const after = await callerFromUserId(user.id);
    expect(await codeOf(requireRole("INSTRUCTOR", after))).toBe("forbidden");
    await db.prisma.user.delete({ where: { id: user.id } });
    expect(await callerFromUserId(user.id)).toBeNull();
    expect(await codeOf(requireUser(null))).toBe("unauthenticated");
  });

  it("requireCourseRole decides by ownership and enrolment in the query", async () => {
    const caller = async (instructor: boolean): Promise<Caller> => {
      const u = await signUp(input({ instructor }), true);
      return { ...u, via: "session" };
    };
    const owner = await caller(true);
    const student = await caller(false);
    const outsider = await caller(false);
    const otherInstructor = await caller(true);
    const course = await createCourse(owner, { title: "Guarded", pythonVersion: "3.12" });
    await db.prisma.enrolment.create({ data: { courseId: course.id, userId: student.id } });

    expect((await requireCourseRole(course.id, ["INSTRUCTOR"], owner)).courseRole).toBe("INSTRUCTOR");
    expect((await requireCourseRole(course.id, ["STUDENT", "INSTRUCTOR"], student)).courseRole).toBe("STUDENT");
    expect(await codeOf(requireCourseRole(course.id, ["INSTRUCTOR"], student))).toBe("forbidden");
    expect(await codeOf(requireCourseRole(course.id, ["STUDENT"], outsider))).toBe("forbidden");
    // Being an instructor somewhere is not being one here.
    expect(await codeOf(requireCourseRole(course.id, ["INSTRUCTOR"], otherInstructor))).toBe("forbidden");
    expect(await codeOf(requireCourseRole("no-such-course", ["STUDENT"], owner))).toBe("not_found");

    const admin = await caller(false);
    await db.prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    expect((await requireCourseRole(course.id, ["INSTRUCTOR"], { ...admin, role: "ADMIN" })).courseRole).toBe("INSTRUCTOR");
  });
});
