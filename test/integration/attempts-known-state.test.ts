// The submission path skips its state read when this process stored the caller's last attempt at
// the slot (lib/attempts/known-state.ts). Whatever changed since in the database, by this process
// or another, must still decide the outcome: each case below changes something behind the
// process's back, then submits. Both targets.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { finishSitting, startSitting } from "../../lib/assessments/sittings";
import { syncBank } from "../../lib/bank/sync";
import { submitAttempt } from "../../lib/attempts/submit";
import { getVariant } from "../../lib/attempts/variants";
import type { Caller } from "../../lib/auth/caller";
import { toErrorBody } from "../../lib/http/errors";
import { loadBank } from "../../lib/questions/load";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

const db = useTestDatabase();
const CHOICE = "what-assignment-does";

let teacher: Caller;
let courseId: string;
let students: Caller[];

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const { body } = toErrorBody(error);
    return `${body.error}: ${body.message ?? ""}`;
  }
  throw new Error("expected a refusal");
}

async function slotOf(assessmentId: string) {
  return db.prisma.assessmentQuestion.findFirstOrThrow({ where: { assessmentId } });
}

const answer = (choice = 0) => ({ kind: "choice" as const, choice });

describe.skipIf(db.skip)("submissions trusting what the process knows", () => {
  beforeAll(async () => {
    await syncBank(db.prisma, loadBank());
    teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    students = await Promise.all(["s1", "s2", "s3", "s4", "s5"].map((n) => makeUser(db.prisma, n)));
    courseId = await makeCourse(db.prisma, teacher, students);
  });

  it("refuses a student removed from the course after their last submission", async () => {
    const [s] = students;
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const slot = await slotOf(id);
    await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() });
    await db.prisma.enrolment.deleteMany({ where: { courseId, userId: s.id } });
    expect(await refusal(submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() }))).toMatch(/^forbidden: This assessment is not open to you/);
    expect(await db.prisma.attempt.count({ where: { userId: s.id } })).toBe(1);
    await db.prisma.enrolment.create({ data: { courseId, userId: s.id, role: "STUDENT" } });
  });

  it("refuses a quiz handed in after the last submission", async () => {
    const s = students[1];
    const id = await makeAssessment(db.prisma, courseId, { kind: "QUIZ", slugs: [CHOICE], timeLimitMinutes: 10 });
    const slot = await slotOf(id);
    await startSitting(s, id);
    await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() });
    await finishSitting(s, id);
    expect(await refusal(submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() }))).toBe("conflict: You have handed in this quiz.");
    expect(await db.prisma.attempt.count({ where: { userId: s.id, assessmentId: id } })).toBe(1);
  });

  it("counts attempts stored elsewhere against the limit, and numbers after them", async () => {
    const s = students[2];
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], maxAttempts: 2 });
    const slot = await slotOf(id);
    await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() });
    // Attempt 2 stored by another server process: its variant and attempt rows, written directly.
    const version = await db.prisma.questionVersion.findFirstOrThrow({ where: { questionId: slot.questionId }, orderBy: { version: "desc" } });
    const variant = await db.prisma.variant.create({
      data: { userId: s.id, questionId: slot.questionId, questionVersionId: version.id, assessmentQuestionId: slot.id, attemptNumber: 2, seed: 5, pythonVersion: "3.12" },
    });
    await db.prisma.attempt.create({
      data: {
        userId: s.id, assessmentId: id, assessmentQuestionId: slot.id, questionId: slot.questionId, questionVersionId: version.id, variantId: variant.id,
        seed: 5, pythonVersion: "3.12", answer: answer(), correct: false, score: 0, points: 0, feedback: { summary: "x", expected: null }, idempotencyKey: `other-${randomUUID()}`,
      },
    });
    expect(await refusal(submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() }))).toBe("conflict: No attempts left: this question allows 2.");
    expect(await db.prisma.attempt.count({ where: { userId: s.id, assessmentId: id } })).toBe(2);
    expect(await db.prisma.variant.count({ where: { userId: s.id, assessmentQuestionId: slot.id } })).toBe(2);
  });

  it("grades against the variant the student opened since, with time on task from its issue", async () => {
    const s = students[3];
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const slot = await slotOf(id);
    await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: key() });
    const opened = await getVariant(s, id, slot.questionId);
    expect(opened.attemptNumber).toBe(2);
    // Issued a minute ago, as if the student had read it that long.
    await db.prisma.variant.updateMany({ where: { userId: s.id, assessmentQuestionId: slot.id, attemptNumber: 2 }, data: { issuedAt: new Date(Date.now() - 60_000) } });
    const r = await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(1), idempotencyKey: key() });
    expect(r.replayed).toBe(false);
    const second = await db.prisma.attempt.findFirstOrThrow({ where: { userId: s.id, assessmentQuestionId: slot.id, attemptNumber: 2 }, include: { variant: true } });
    expect(second.variant.attemptNumber).toBe(2);
    expect(second.timeTakenMs).toBeGreaterThanOrEqual(59_000);
    expect(second.timeTakenMs).toBeLessThan(120_000);
  });

  it("answers a retried key as a replay, even once the limit is used up", async () => {
    const s = students[4];
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], maxAttempts: 1 });
    const slot = await slotOf(id);
    const k = key();
    const first = await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: k });
    const again = await submitAttempt(s, { assessmentId: id, questionId: slot.questionId, answer: answer(), idempotencyKey: k });
    expect(again).toMatchObject({ replayed: true, attemptId: first.attemptId });
    expect(await db.prisma.attempt.count({ where: { userId: s.id, assessmentId: id } })).toBe(1);
  });
});
