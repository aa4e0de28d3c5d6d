// Attempt.attemptNumber (prisma/migrations/20261125034410_attempt_number): the submission path
// numbers a student's attempts at a slot 1..n and reads "attempts used" as the largest number;
// a row inserted without one takes its variant's; the unique (slot, user, number) index refuses a
// second attempt with a number already used, whatever path inserts it. Both targets.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { syncBank } from "../../lib/bank/sync";
import { submitAttempt } from "../../lib/attempts/submit";
import { getVariant } from "../../lib/attempts/variants";
import type { Caller } from "../../lib/auth/caller";
import { classifyDatabaseError } from "../../lib/db/errors";
import { loadBank } from "../../lib/questions/load";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

const db = useTestDatabase();
const CHOICE = "what-assignment-does";

let teacher: Caller;
let student: Caller;
let courseId: string;

describe.skipIf(db.skip)("attempt numbers", () => {
  beforeAll(async () => {
    await syncBank(db.prisma, loadBank());
    teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    student = await makeUser(db.prisma, "student");
    courseId = await makeCourse(db.prisma, teacher, [student]);
  });

  it("numbers submissions 1..n, and a limit of n refuses the next", async () => {
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], maxAttempts: 3 });
    const slot = await db.prisma.assessmentQuestion.findFirstOrThrow({ where: { assessmentId: id } });
    for (let i = 0; i < 3; i++) await submitAttempt(student, { assessmentId: id, questionId: slot.questionId, answer: { kind: "choice", choice: i }, idempotencyKey: key() });
    const rows = await db.prisma.attempt.findMany({ where: { assessmentQuestionId: slot.id }, include: { variant: true }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.attemptNumber)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.variant.attemptNumber)).toEqual([1, 2, 3]);
    await expect(submitAttempt(student, { assessmentId: id, questionId: slot.questionId, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() })).rejects.toMatchObject({ code: "conflict" });
    expect((await getVariant(student, id, slot.questionId)).attemptsUsed).toBe(3);
  });

  it("gives a row inserted without a number its variant's, and refuses a second row with the same number", async () => {
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const slot = await db.prisma.assessmentQuestion.findFirstOrThrow({ where: { assessmentId: id } });
    const version = await db.prisma.questionVersion.findFirstOrThrow({ where: { questionId: slot.questionId } });
    const variant = await db.prisma.variant.create({
      data: { userId: student.id, questionId: slot.questionId, questionVersionId: version.id, assessmentQuestionId: slot.id, attemptNumber: 1, seed: 7, pythonVersion: "3.12" },
    });
    const row = (idempotencyKey: string) => ({
      userId: student.id, assessmentId: id, assessmentQuestionId: slot.id, questionId: slot.questionId, questionVersionId: version.id, variantId: variant.id,
      seed: 7, pythonVersion: "3.12", answer: { kind: "choice", choice: 0 }, correct: false, score: 0, points: 0, feedback: {}, idempotencyKey,
    });
    const first = await db.prisma.attempt.create({ data: row(randomUUID()) });
    expect(first.attemptNumber).toBe(1);
    const second = await db.prisma.attempt.create({ data: row(randomUUID()) }).then(() => null, (error: unknown) => error);
    expect(classifyDatabaseError(second)).toBe("conflict");
    // The submission path continues the sequence after the inserted row.
    const r = await submitAttempt(student, { assessmentId: id, questionId: slot.questionId, answer: { kind: "choice", choice: 1 }, idempotencyKey: key() });
    expect(r.replayed).toBe(false);
    const numbers = await db.prisma.attempt.findMany({ where: { assessmentQuestionId: slot.id }, select: { attemptNumber: true }, orderBy: { attemptNumber: "asc" } });
    expect(numbers.map((n) => n.attemptNumber)).toEqual([1, 2]);
  });
});
