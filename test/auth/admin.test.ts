// Admins change site roles; nobody else can, and an admin cannot change their own.
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { findUsers, setRoleByEmail, setUserRole } from "@/lib/auth/admin";
import type { Caller } from "@/lib/auth/caller";
import { callerFromUserId } from "@/lib/auth/caller";
import { requireRole } from "@/lib/auth/guards";
import { HttpError } from "@/lib/http/errors";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();
let n = 0;

async function user(label: string): Promise<Caller> {
  const u = await signUp({ email: `${label}${++n}-${Date.now()}@example.test`, name: `${label} ${n}`, password: "a-long-enough-password", instructor: false }, false);
  return { ...u, via: "session" };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => {
      if (error instanceof HttpError) return error.code;
      throw error;
    },
  );
}

describe.skipIf(db.skip)("site roles", () => {
  it("the first admin comes from the command-line path; then admins promote instructors", async () => {
    const boss = await user("boss");
    expect((await setRoleByEmail(boss.email.toUpperCase(), "ADMIN")).role).toBe("ADMIN");
    const admin = await callerFromUserId(boss.id);
    if (!admin) throw new Error("admin vanished");

    const teacher = await user("teacher");
    expect(await codeOf(requireRole("INSTRUCTOR", await callerFromUserId(teacher.id)))).toBe("forbidden");
    expect((await setUserRole(admin, teacher.id, "INSTRUCTOR")).role).toBe("INSTRUCTOR");
    expect(await codeOf(requireRole("INSTRUCTOR", await callerFromUserId(teacher.id)))).toBe("ok");

    expect((await findUsers(admin, teacher.email.slice(0, 10).toUpperCase())).map((u) => u.id)).toContain(teacher.id);
    expect((await findUsers(admin, teacher.name.toLowerCase())).map((u) => u.id)).toEqual([teacher.id]);
  });

  it("refuses non-admins, an admin changing their own role, and unknown users", async () => {
    const student = await user("student");
    const target = await user("target");
    expect(await codeOf(setUserRole(student, target.id, "INSTRUCTOR"))).toBe("forbidden");
    expect(await codeOf(findUsers(student, ""))).toBe("forbidden");
    // A caller whose cookie still says INSTRUCTOR but whose row says STUDENT is a student.
    expect(await codeOf(setUserRole({ ...student, role: "INSTRUCTOR" }, target.id, "ADMIN"))).toBe("forbidden");

    const boss = await user("boss");
    await db.prisma.user.update({ where: { id: boss.id }, data: { role: "ADMIN" } });
    const admin: Caller = { ...boss, role: "ADMIN" };
    expect(await codeOf(setUserRole(admin, admin.id, "STUDENT"))).toBe("conflict");
    expect(await codeOf(setUserRole(admin, "no-such-user", "INSTRUCTOR"))).toBe("not_found");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("STUDENT");
  });
});
