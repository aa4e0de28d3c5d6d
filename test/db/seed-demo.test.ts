// The demo seed: what `npm run demo` puts in an empty database.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { credentialsPath, DEMO_COURSE_TITLE, readDemoCredentials, seedDemo } from "../../lib/db/seed-demo";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), "heapwise-seed-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(db.skip)("demo seed", () => {
  it("creates the course, an instructor, four students and graded attempts on bank questions", async () => {
    const credentials = await seedDemo(dataDir);
    expect(credentials).not.toBeNull();
    if (!credentials) return;
    const prisma = db.prisma;

    const course = await prisma.course.findFirstOrThrow({ include: { enrolments: { include: { user: true } } } });
    expect(course.title).toBe(DEMO_COURSE_TITLE);
    expect(course.joinCode).toBe(credentials.joinCode);
    expect(course.enrolments.map((e) => `${e.role}:${e.user.email}`).sort()).toEqual(
      credentials.accounts.map((a) => `${a.role}:${a.email}`).sort(),
    );
    expect(credentials.accounts.filter((a) => a.role === "INSTRUCTOR").map((a) => a.email)).toEqual(["instructor@heapwise.test"]);
    expect(credentials.accounts.filter((a) => a.role === "STUDENT")).toHaveLength(4);

    // The printed passwords are the ones that sign in.
    for (const account of credentials.accounts) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await bcrypt.compare(account.password, user.passwordHash)).toBe(true);
      expect(bcrypt.getRounds(user.passwordHash)).toBe(10);
    }

    const attempts = await prisma.attempt.findMany({ include: { variant: true, questionVersion: true, assessmentQuestion: true } });
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    for (const attempt of attempts) {
      expect(attempt.variant.questionVersionId).toBe(attempt.questionVersionId);
      expect(attempt.variant.seed).toBe(attempt.seed);
      expect(attempt.assessmentQuestion?.questionId).toBe(attempt.questionId);
      expect(attempt.questionVersion.definition).toMatchObject({ prompt: expect.any(String), code: expect.any(String) });
    }
    // Graded by the simulator: the seed answers some right and some wrong, and both show.
    expect(new Set(attempts.map((a) => a.correct))).toEqual(new Set([true, false]));
    expect(attempts.some((a) => a.misconception !== null)).toBe(true);
    // The whole bank is there for assessments to draw on, and both assessments are published.
    expect(await prisma.question.count({ where: { courseId: null } })).toBeGreaterThanOrEqual(80);
    expect(await prisma.assessment.count({ where: { publishedAt: { not: null } } })).toBe(2);
  });

  it("keeps the credentials beside the data, readable by the owner only, and seeds nothing the second time", async () => {
    const saved = readDemoCredentials(dataDir);
    expect(saved?.accounts).toHaveLength(5);
    expect(statSync(credentialsPath(dataDir)).mode & 0o077).toBe(0);
    const users = await db.prisma.user.count();
    expect(await seedDemo(dataDir)).toBeNull();
    expect(await db.prisma.user.count()).toBe(users);
    expect(readDemoCredentials(dataDir)).toEqual(saved);
  });
});
