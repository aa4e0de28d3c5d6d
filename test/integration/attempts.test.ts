// The attempt path against a real database (PostgreSQL or the embedded PGlite, per
// HEAPWISE_TEST_DB): variants, grading, retries and score policies, the server-clock time limit,
// the attempt limit, idempotency under concurrency, the release rule and key secrecy.
// Keys of simulated questions come from real CPython 3.12 when it is installed here.
import { beforeAll, describe, expect, it } from "vitest";
import { assessmentDetail, listMyAssessments } from "../../lib/assessments/queries";
import { startSitting } from "../../lib/assessments/sittings";
import { syncBank } from "../../lib/bank/sync";
import { listMyAttempts } from "../../lib/attempts/list";
import { setSimulator } from "../../lib/attempts/simulator";
import { submitAttempt } from "../../lib/attempts/submit";
import { getVariant } from "../../lib/attempts/variants";
import type { Caller } from "../../lib/auth/caller";
import { computeKeyWith } from "../../lib/grading";
import { HttpError, toErrorBody } from "../../lib/http/errors";
import { loadBank } from "../../lib/questions/load";
import { makeVariant } from "../../lib/questions/variant";
import { cpython, cpythonPath } from "../questions/cpython";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

const db = useTestDatabase();
const bank = loadBank();
const CHOICE = "what-assignment-does";
const OUTPUT = "alias-append";
const noCpython = cpythonPath("3.12") ? false : "CPython 3.12 is not installed here";
if (noCpython) console.log(`[heapwise] skipping simulated-key attempt tests: ${noCpython}`);

function definition(slug: string) {
  const entry = bank.find((e) => e.definition.slug === slug);
  if (!entry) throw new Error(`no bank question ${slug}`);
  return entry.definition;
}

/** The displayed index of the right option, found by its text (options carry no parameters). */
function rightChoice(options: string[] | undefined): number {
  const d = definition(CHOICE);
  if (d.answer.kind !== "choice" || !options) throw new Error("not a choice question");
  return options.indexOf(d.answer.options[d.answer.correct]);
}

async function refused(promise: Promise<unknown>): Promise<{ status: number; message: string | undefined; code: string }> {
  try {
    await promise;
  } catch (error) {
    const { status, body } = toErrorBody(error);
    return { status, message: body.message, code: body.error };
  }
  throw new Error("expected a refusal");
}

let teacher: Caller;
let alice: Caller;
let bob: Caller;
let outsider: Caller;
let courseId: string;

describe.skipIf(db.skip)("attempts", () => {
  beforeAll(async () => {
    // Two syncs at once (two workers seeding) must still make one row per template.
    const reports = await Promise.all([syncBank(db.prisma, bank), syncBank(db.prisma, bank)]);
    expect(reports[0].created.length + reports[1].created.length).toBe(bank.length);
    expect(await db.prisma.question.count({ where: { courseId: null } })).toBe(bank.length);
    teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    alice = await makeUser(db.prisma, "alice");
    bob = await makeUser(db.prisma, "bob");
    outsider = await makeUser(db.prisma, "outsider");
    courseId = await makeCourse(db.prisma, teacher, [alice, bob]);
    if (!noCpython) setSimulator(cpython("3.12"));
  });

  it("bank sync adds a version only when a definition changes, and issued variants keep theirs", async () => {
    expect(await syncBank(db.prisma, bank)).toEqual({ created: [], versioned: [], unchanged: bank.length });
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const question = await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } });
    const before = await getVariant(alice, id, question.id);
    const edited = bank.map((e) => (e.definition.slug === CHOICE ? { ...e, definition: { ...e.definition, title: "What does assignment really do?" } } : e));
    expect((await syncBank(db.prisma, edited)).versioned).toEqual([CHOICE]);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { id: question.id } })).currentVersion).toBe(question.currentVersion + 1);
    // The variant issued before the edit stays pinned to the old version; a new student gets the new one.
    expect((await getVariant(alice, id, question.id)).question.title).toBe(before.question.title);
    expect((await getVariant(bob, id, question.id)).question.title).toBe("What does assignment really do?");
    await syncBank(db.prisma, bank); // back to the file's text, as a third version
  });

  it("homework: retries with a new variant each time, BEST keeps the best score, LAST the latest", async () => {
    for (const scorePolicy of ["BEST", "LAST"] as const) {
      const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], points: [4], scorePolicy });
      const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
      const v1 = await getVariant(alice, id, qid);
      expect(v1.attemptNumber).toBe(1);
      const wrong = (rightChoice(v1.question.options) + 1) % 4;
      const r1 = await submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: wrong }, idempotencyKey: key() });
      expect(r1).toMatchObject({ released: true, correct: false, score: 0, points: 0 });
      expect(r1.feedback?.summary).toMatch(/^Not right/);
      const v2 = await getVariant(alice, id, qid);
      expect(v2.attemptNumber).toBe(2);
      const r2 = await submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: rightChoice(v2.question.options) }, idempotencyKey: key() });
      expect(r2).toMatchObject({ correct: true, score: 1, points: 4 });
      const v3 = await getVariant(alice, id, qid);
      await submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: (rightChoice(v3.question.options) + 1) % 4 }, idempotencyKey: key() });
      const detail = await assessmentDetail(alice, id);
      expect(detail.slots[0].attempts).toBe(3);
      expect(detail.earned).toBe(scorePolicy === "BEST" ? 4 : 0);
      expect(detail.possible).toBe(4);
      const rows = await db.prisma.attempt.findMany({ where: { assessmentId: id, userId: alice.id }, include: { variant: true } });
      expect(rows.map((r) => r.variant.attemptNumber).sort()).toEqual([1, 2, 3]);
      // Everything a regrade needs is stored with each attempt.
      for (const r of rows) {
        expect(r).toMatchObject({ seed: r.variant.seed, questionVersionId: r.variant.questionVersionId, pythonVersion: "3.12", questionId: qid });
        expect(r.timeTakenMs).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("enforces the attempt limit", async () => {
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], maxAttempts: 2 });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
    for (let i = 0; i < 2; i++) await submitAttempt(bob, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() });
    const third = await refused(submitAttempt(bob, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() }));
    expect(third).toMatchObject({ status: 409, code: "conflict" });
    expect(third.message).toMatch(/No attempts left/);
    expect(await db.prisma.attempt.count({ where: { assessmentId: id } })).toBe(2);
    expect((await getVariant(bob, id, qid)).attemptsLeft).toBe(0);
  });

  it("quiz: the time limit runs from the start by the server clock, capped at the close date", async () => {
    const id = await makeAssessment(db.prisma, courseId, { kind: "QUIZ", slugs: [CHOICE], timeLimitMinutes: 10, releasePolicy: "AFTER_CLOSE" });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
    const early = await refused(submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() }));
    expect(early).toMatchObject({ status: 409 });
    expect(early.message).toMatch(/Start the quiz first/);
    expect((await refused(getVariant(alice, id, qid))).status).toBe(409);

    const start = new Date();
    const { sitting, started } = await startSitting(alice, id, start);
    expect(started).toBe(true);
    expect(new Date(sitting.deadlineAt ?? 0).getTime()).toBe(start.getTime() + 10 * 60_000);
    expect((await startSitting(alice, id, new Date(start.getTime() + 60_000))).sitting).toEqual(sitting);

    const inTime = await submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() }, new Date(start.getTime() + 9 * 60_000));
    // AFTER_CLOSE: stored, but nothing about the grade is told yet.
    expect(inTime).toEqual({ attemptId: inTime.attemptId, released: false, correct: null, score: null, points: null, maxPoints: 1, feedback: null, replayed: false });
    const late = await refused(submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() }, new Date(start.getTime() + 10 * 60_000 + 1)));
    expect(late).toMatchObject({ status: 409, code: "conflict" });
    expect(late.message).toMatch(/time limit/);
    expect(await db.prisma.attempt.count({ where: { assessmentId: id } })).toBe(1);

    const closing = await makeAssessment(db.prisma, courseId, { kind: "QUIZ", slugs: [CHOICE], timeLimitMinutes: 60, closesAt: new Date(Date.now() + 5 * 60_000) });
    const capped = await startSitting(alice, closing);
    expect(new Date(capped.sitting.deadlineAt ?? 0).getTime()).toBe((await db.prisma.assessment.findUniqueOrThrow({ where: { id: closing } })).closesAt.getTime());
  });

  it("release rule: score and feedback stay hidden until the close date, everywhere", async () => {
    const closesAt = new Date(Date.now() + 3_600_000);
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], releasePolicy: "AFTER_CLOSE", closesAt });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
    const v = await getVariant(bob, id, qid);
    const body = { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: rightChoice(v.question.options) }, idempotencyKey: key() };
    const hidden = await submitAttempt(bob, body);
    expect(hidden).toMatchObject({ released: false, correct: null, score: null, feedback: null });
    const listed = (await listMyAttempts(bob, { assessmentId: id }))[0];
    expect(listed).toMatchObject({ released: false, correct: null, score: null, feedback: null });
    expect((await listMyAssessments(bob)).find((a) => a.id === id)).toMatchObject({ released: false, earned: null });
    expect((await assessmentDetail(bob, id)).slots[0]).toMatchObject({ score: null, lastCorrect: null });
    const after = new Date(closesAt.getTime() + 1);
    expect((await listMyAttempts(bob, { assessmentId: id }, after))[0]).toMatchObject({ released: true, correct: true, score: 1 });
    expect((await assessmentDetail(bob, id, after)).earned).toBe(1);
  });

  it("20 concurrent submissions with one idempotency key store one attempt and answer identically", async () => {
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], maxAttempts: 1 });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
    const body = { assessmentId: id, questionId: qid, answer: { kind: "choice", choice: 1 }, idempotencyKey: key() };
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAttempt(alice, body)));
    expect(await db.prisma.attempt.count({ where: { assessmentId: id } })).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const strip = ({ replayed: _, ...r }: (typeof results)[number]) => r;
    for (const r of results) expect(strip(r)).toEqual(strip(results[0]));
    // A later retry (the limit of 1 is used up) still gets the stored answer, not "no attempts left".
    expect(strip(await submitAttempt(alice, body))).toEqual(strip(results[0]));
    // The key belongs to that question: reusing it elsewhere is a conflict, not a silent replay.
    const other = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    expect((await refused(submitAttempt(alice, { ...body, assessmentId: other }))).status).toBe(409);
  });

  it("refuses malformed answers (400, nothing stored) and questions the caller may not answer (403/404)", async () => {
    const id = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
    const base = { assessmentId: id, questionId: qid, idempotencyKey: key() };
    for (const answer of [{ kind: "integer", value: 3 }, { kind: "choice", choice: "0" }, { kind: "choice", choice: 9 }, undefined, "0"]) {
      const r = await refused(submitAttempt(alice, { ...base, answer }));
      expect(r).toMatchObject({ status: 400, code: "invalid" });
      expect(r.message).toMatch(/^The answer is not valid: /);
    }
    expect(await db.prisma.attempt.count({ where: { assessmentId: id } })).toBe(0);

    expect((await refused(submitAttempt(outsider, { ...base, answer: { kind: "choice", choice: 0 } }))).status).toBe(403);
    expect((await refused(getVariant(outsider, id, qid))).status).toBe(403);
    const elsewhere = (await db.prisma.question.findFirstOrThrow({ where: { slug: OUTPUT, courseId: null } })).id;
    expect((await refused(submitAttempt(alice, { ...base, questionId: elsewhere, answer: { kind: "output", value: "" } }))).status).toBe(403);
    expect((await refused(submitAttempt(alice, { ...base, assessmentId: "nope", answer: { kind: "choice", choice: 0 } }))).status).toBe(404);
    const draft = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], published: false });
    expect((await refused(getVariant(alice, draft, qid))).status).toBe(403);
    const closed = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 3_600_000) });
    const c = await refused(submitAttempt(alice, { ...base, assessmentId: closed, answer: { kind: "choice", choice: 0 } }));
    expect(c).toMatchObject({ status: 403, message: "This assessment is closed." });
    expect(new HttpError("forbidden").status).toBe(403);
  });

  it.skipIf(noCpython)("variant JSON carries prompt and code but not the key, stdout or a trace", async () => {
    const id = await makeAssessment(db.prisma, courseId, { slugs: [OUTPUT] });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: OUTPUT, courseId: null } })).id;
    const dto = await getVariant(alice, id, qid);
    const json = JSON.stringify(dto);
    const row = await db.prisma.variant.findFirstOrThrow({ where: { userId: alice.id, questionId: qid } });
    const variant = makeVariant(definition(OUTPUT), row.seed);
    const k = computeKeyWith(cpython("3.12"), definition(OUTPUT), variant, "3.12");
    if (!k.ok || k.key.answer.kind !== "output") throw new Error("no key");
    expect(dto.question.code).toBe(variant.code);
    // The printed list (with the appended item) is the key's telling part; `len(b)` is one digit
    // and would match anything.
    const [printedList] = k.key.answer.value.split("\n");
    expect(printedList).toMatch(/^\[\d+, \d+, \d+\]$/);
    expect(json).not.toContain(printedList.slice(1, -1));
    expect(json).not.toContain(JSON.stringify(k.key.answer.value).slice(1, -1));
    for (const field of ["stdout", "trace", "expected", "alternatives", "answer", "key", "moment"]) expect(json).not.toContain(`"${field}"`);

    // Graded against real CPython's output: a wrong answer that treats `b = a` as a copy names the misconception.
    const [first] = k.key.answer.value.split("\n");
    const copyBelief = `${first.replace(/, \d+\]$/, "]")}\n${k.key.answer.value.split("\n")[1]}`;
    const wrong = await submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "output", value: copyBelief }, idempotencyKey: key() });
    expect(wrong.correct).toBe(false);
    expect(wrong.score).toBe(0.5);
    expect(wrong.feedback?.misconception?.id).toBe("assignment-copies");
    const v2 = makeVariant(definition(OUTPUT), (await db.prisma.variant.findFirstOrThrow({ where: { userId: alice.id, questionId: qid, attemptNumber: 2 } }).catch(async () => {
      await getVariant(alice, id, qid);
      return db.prisma.variant.findFirstOrThrow({ where: { userId: alice.id, questionId: qid, attemptNumber: 2 } });
    })).seed);
    const k2 = computeKeyWith(cpython("3.12"), definition(OUTPUT), v2, "3.12");
    if (!k2.ok || k2.key.answer.kind !== "output") throw new Error("no key");
    const right = await submitAttempt(alice, { assessmentId: id, questionId: qid, answer: { kind: "output", value: k2.key.answer.value }, idempotencyKey: key() });
    expect(right).toMatchObject({ correct: true, score: 1 });
    expect(right.feedback?.expected).toEqual({ kind: "output", value: k2.key.answer.value });
  });
});
