// Regrading after a template fix. Version 1 of an output question has a bug: for n > 5 its code
// prints n + 1 instead of n. Version 2 prints n. Students who answered n for n > 5 were marked
// wrong under v1; students who copied the buggy n + 1 were marked right. A regrade to v2 must
// change exactly those attempts, leave every other attempt alone, and record what it changed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { pointsFor } from "../../lib/assessments/scoring";
import type { Caller } from "../../lib/auth/caller";
import { computeKey, grade, parseAnswer } from "../../lib/grading";
import { HttpError } from "../../lib/http/errors";
import { parseDefinition, type QuestionDefinition } from "../../lib/questions/schema";
import { makeVariant } from "../../lib/questions/variant";
import { applyRegrade, previewRegrade } from "../../lib/regrade";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

function definition(code: string): QuestionDefinition {
  const parsed = parseDefinition({
    slug: "print-n",
    title: "What is printed",
    mechanism: "names-references-objects",
    prompt: "What does this program print?",
    code,
    params: { n: { int: [1, 9] } },
    answer: { kind: "output" },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.definition;
}
const BUGGY = definition("x = {{n}}\nprint(x + (x > 5))\n");
const FIXED = definition("x = {{n}}\nprint(x)\n");
const nOf = (seed: number) => Number(makeVariant(FIXED, seed).params.n);

async function refused(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof HttpError) return error.code;
    throw error;
  }
  return "allowed";
}

describe.skipIf(db.skip)(`regrade (${db.target})`, () => {
  let owner: Caller;
  let ta: Caller;
  let student: Caller;
  let stranger: Caller;
  let assessmentId: string;
  let questionId: string;
  const attempts: { id: string; userId: string; seed: number; answered: "n" | "n+1"; version: 1 | 2; q: "fixed" | "other"; score: number }[] = [];

  beforeAll(async () => {
    const p = db.prisma;
    const mk = async (name: string): Promise<Caller> => {
      const u = await p.user.create({ data: { email: `${name}-${randomUUID().slice(0, 6)}@example.test`, name, passwordHash: "x", role: name === "owner" ? "INSTRUCTOR" : "STUDENT" } });
      return { id: u.id, email: u.email, name: u.name, role: u.role, via: "session" };
    };
    owner = await mk("owner");
    ta = await mk("ta");
    student = await mk("student");
    stranger = await mk("owner"); // an instructor, of another course
    await p.course.create({ data: { title: "Elsewhere", ownerId: stranger.id, joinCode: randomUUID().slice(0, 8) } });
    const students = [student, ...(await Promise.all(["s2", "s3", "s4", "s5", "s6"].map(mk)))];
    const course = await p.course.create({ data: { title: "Regrade", ownerId: owner.id, joinCode: randomUUID().slice(0, 8) } });
    await p.enrolment.create({ data: { courseId: course.id, userId: ta.id, role: "TA" } });
    for (const s of students) await p.enrolment.create({ data: { courseId: course.id, userId: s.id } });
    const q = await p.question.create({ data: { slug: "print-n", courseId: course.id, title: "What is printed", mechanism: "names-references-objects", currentVersion: 2 } });
    const other = await p.question.create({ data: { slug: "print-n-other", courseId: course.id, title: "Other", mechanism: "names-references-objects" } });
    questionId = q.id;
    const v1 = await p.questionVersion.create({ data: { questionId: q.id, version: 1, definition: JSON.parse(JSON.stringify(BUGGY)) } });
    const v2 = await p.questionVersion.create({ data: { questionId: q.id, version: 2, definition: JSON.parse(JSON.stringify(FIXED)) } });
    const ov1 = await p.questionVersion.create({ data: { questionId: other.id, version: 1, definition: JSON.parse(JSON.stringify(BUGGY)) } });
    const a = await p.assessment.create({
      data: { courseId: course.id, title: "HW", kind: "HOMEWORK", opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), scorePolicy: "BEST" },
    });
    assessmentId = a.id;
    const slot = await p.assessmentQuestion.create({ data: { assessmentId: a.id, questionId: q.id, position: 1, points: 2 } });
    const otherSlot = await p.assessmentQuestion.create({ data: { assessmentId: a.id, questionId: other.id, position: 2, points: 1 } });

    // Seeds chosen so both n ≤ 5 and n > 5 occur; each student answers with their own reading.
    let seed = 1;
    const plan: { s: Caller; answered: "n" | "n+1"; version: 1 | 2; q: "fixed" | "other" }[] = [];
    for (const s of students) plan.push({ s, answered: "n", version: 1, q: "fixed" }, { s, answered: "n+1", version: 1, q: "fixed" });
    plan.push({ s: students[0], answered: "n", version: 2, q: "fixed" }, { s: students[1], answered: "n", version: 1, q: "other" }, { s: students[2], answered: "n", version: 1, q: "other" });
    const numbers = new Map<string, number>();
    for (const [i, step] of plan.entries()) {
      seed += 7919;
      const def = step.version === 1 ? BUGGY : FIXED;
      const versionId = step.q === "other" ? ov1.id : step.version === 1 ? v1.id : v2.id;
      const slotId = step.q === "other" ? otherSlot.id : slot.id;
      const variant = makeVariant(def, seed);
      const n = nOf(seed);
      const answer = { kind: "output", value: `${step.answered === "n" ? n : n + 1}\n` };
      const key = computeKey(def, variant, "3.12");
      if (!key.ok) throw new Error(key.error.message);
      const parsed = parseAnswer(def, variant, answer);
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      const g = grade(def, variant, parsed.answer, key.key);
      const k = `${step.s.id}/${slotId}`;
      const attemptNumber = (numbers.get(k) ?? 0) + 1;
      numbers.set(k, attemptNumber);
      const v = await p.variant.create({ data: { userId: step.s.id, questionId: step.q === "other" ? other.id : q.id, questionVersionId: versionId, assessmentQuestionId: slotId, attemptNumber, seed, pythonVersion: "3.12" } });
      const row = await p.attempt.create({
        data: {
          userId: step.s.id, assessmentId: a.id, assessmentQuestionId: slotId, questionId: step.q === "other" ? other.id : q.id, questionVersionId: versionId, variantId: v.id,
          seed, pythonVersion: "3.12", answer: parsed.answer, correct: g.correct, score: g.score, points: pointsFor(g.score, step.q === "other" ? 1 : 2),
          feedback: { summary: g.feedback.summary, expected: JSON.parse(JSON.stringify(g.expected)) }, misconception: g.misconception?.id ?? null,
          idempotencyKey: `r-${randomUUID()}`, createdAt: new Date(Date.now() - 3_600_000 + i * 1000),
        },
      });
      attempts.push({ id: row.id, userId: step.s.id, seed, answered: step.answered, version: step.version, q: step.q, score: g.score });
    }
  });

  it("only the course's instructor may preview or apply", async () => {
    expect(await refused(() => previewRegrade(ta, assessmentId, questionId, 2))).toBe("forbidden");
    expect(await refused(() => applyRegrade(ta, assessmentId, questionId, 2))).toBe("forbidden");
    expect(await refused(() => applyRegrade(student, assessmentId, questionId, 2))).toBe("forbidden");
    expect(await refused(() => previewRegrade(stranger, assessmentId, questionId, 2))).toBe("forbidden");
    expect(await refused(() => applyRegrade(stranger, assessmentId, questionId, 2))).toBe("forbidden");
    expect(await refused(() => previewRegrade(owner, assessmentId, questionId, 3))).toBe("not_found");
  });

  it("preview lists exactly the attempts the bug affected, and writes nothing", async () => {
    const fixedV1 = attempts.filter((a) => a.q === "fixed" && a.version === 1);
    const affected = fixedV1.filter((a) => nOf(a.seed) > 5);
    // The fixture must exercise both sides of the bug, or this test proves nothing.
    expect(affected.length).toBeGreaterThan(0);
    expect(affected.length).toBeLessThan(fixedV1.length);
    const before = await db.prisma.attempt.findMany({ orderBy: { id: "asc" } });

    const preview = await previewRegrade(owner, assessmentId, questionId, 2);
    expect(preview.considered).toBe(fixedV1.length);
    expect(preview.notRegradable).toEqual([]);
    expect(preview.changes.map((c) => c.attemptId).sort()).toEqual(affected.map((a) => a.id).sort());
    for (const c of preview.changes) {
      const a = affected.find((x) => x.id === c.attemptId);
      // Answering n was wrong under the bug and is right now; answering n + 1 the reverse.
      expect([c.oldCorrect, c.newCorrect]).toEqual(a?.answered === "n" ? [false, true] : [true, false]);
      expect([c.oldScore, c.newScore]).toEqual(a?.answered === "n" ? [0, 1] : [1, 0]);
    }
    // A student's counted score (BEST) moves only if their best attempt's score changes: worked out
    // here from the attempts and the bug (n > 5 flips both readings), not from the code under test.
    const expectedStudents = new Set<string>();
    for (const uid of new Set(fixedV1.map((a) => a.userId))) {
      const mine = attempts.filter((a) => a.userId === uid && a.q === "fixed");
      const after = (a: (typeof mine)[number]) => (a.version === 2 || nOf(a.seed) <= 5 ? a.score : a.answered === "n" ? 1 : 0);
      if (Math.max(...mine.map((a) => a.score)) !== Math.max(...mine.map(after))) expectedStudents.add(uid);
    }
    expect(expectedStudents.size).toBeGreaterThan(0);
    expect(new Set(preview.students.map((s) => s.userId))).toEqual(expectedStudents);
    expect(await db.prisma.attempt.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("apply changes exactly those scores, records them, and a second apply changes nothing", async () => {
    const preview = await previewRegrade(owner, assessmentId, questionId, 2);
    const before = new Map((await db.prisma.attempt.findMany()).map((a) => [a.id, a]));
    const result = await applyRegrade(owner, assessmentId, questionId, 2);
    expect(result.regradeId).not.toBeNull();
    expect(result.changes).toEqual(preview.changes);

    const after = await db.prisma.attempt.findMany({ include: { questionVersion: { select: { version: true } } } });
    const changed = new Set(preview.changes.map((c) => c.attemptId));
    for (const a of after) {
      const old = before.get(a.id);
      if (!old) throw new Error("attempt vanished");
      const mine = attempts.find((x) => x.id === a.id);
      if (mine?.q === "other") {
        expect(a).toEqual({ ...old, questionVersion: a.questionVersion });
        continue;
      }
      expect(a.questionVersion.version).toBe(2);
      if (changed.has(a.id)) {
        expect(a.score).not.toBe(old.score);
        expect(a.points).toBe(a.score * 2);
      } else {
        expect([a.score, a.correct, a.points]).toEqual([old.score, old.correct, old.points]);
      }
    }

    const record = await db.prisma.regrade.findUniqueOrThrow({ where: { id: result.regradeId ?? "" }, include: { changes: true } });
    expect([record.byUserId, record.fromVersion, record.toVersion, record.questionId]).toEqual([owner.id, 1, 2, questionId]);
    expect(record.changes.map((c) => [c.attemptId, c.oldScore, c.newScore, c.oldCorrect, c.newCorrect]).sort()).toEqual(
      preview.changes.map((c) => [c.attemptId, c.oldScore, c.newScore, c.oldCorrect, c.newCorrect]).sort(),
    );

    const snapshot = await db.prisma.attempt.findMany({ orderBy: { id: "asc" } });
    const again = await applyRegrade(owner, assessmentId, questionId, 2);
    expect(again).toEqual({ regradeId: null, moved: 0, changes: [], students: [] });
    expect(await db.prisma.attempt.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
    expect(await db.prisma.regrade.count()).toBe(1);
  });
});
