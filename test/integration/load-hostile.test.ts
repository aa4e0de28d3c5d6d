// A hostile program must not slow anyone else down. Two authored templates slipped into an
// assessment: one loops forever, one allocates without end. Two students submit to them while
// 50 others submit to an ordinary simulated question (a new variant, so a new key, each time).
// Keys are computed on the grading pool (lib/grading-pool): the hostile runs are stopped by the
// simulator's budgets or the pool's wall-clock and memory limits, their students get the usual
// "cannot be graded" answer, and the others' latency stays near the no-hostile baseline measured
// first in the same file. PostgreSQL only, like the other load test (the embedded database
// serves one connection, which is not what production runs on).
import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../lib/auth/caller";
import { disconnectPrisma } from "../../lib/db/client";
import { HttpError } from "../../lib/http/errors";
import { useTestDatabase } from "../support/db";
import { key, makeCourse, makeUser } from "./attempts-fixture";

// A short wall-clock limit so the test is short; the pool reads it when it starts.
process.env.HEAPWISE_GRADING_TIME_LIMIT_MS = "1500";
const { syncBank } = await import("../../lib/bank/sync");
const { submitAttempt } = await import("../../lib/attempts/submit");
const { gradingPoolStats, closeGradingPool } = await import("../../lib/grading-pool");

const db = useTestDatabase();
if (!db.skip && db.target !== "postgres") console.log("[heapwise] skipping: the hostile-program load test measures PostgreSQL (run with HEAPWISE_TEST_DB=postgres)");
const OTHERS = 50;

const HOSTILE = {
  endless: "i = {{x}}\nwhile True:\n    i = i + 1\nprint(i)\n",
  bomb: "x = []\nwhile True:\n    x.append([{{x}}, {{x}}, {{x}}])\nprint(len(x))\n",
};

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]);
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

describe.skipIf(db.skip || db.target !== "postgres")("grading under hostile programs", () => {
  let others: Caller[] = [];
  let attackers: Caller[] = [];
  let assessmentId = "";
  let normalId = "";
  const hostileIds: Record<keyof typeof HOSTILE, string> = { endless: "", bomb: "" };

  beforeAll(async () => {
    process.env.DATABASE_POOL_MAX = "10";
    await disconnectPrisma();
    await syncBank(db.prisma);
    const teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    others = await Promise.all(Array.from({ length: OTHERS }, (_, i) => makeUser(db.prisma, `s${i}`)));
    attackers = await Promise.all(["endless", "bomb"].map((label) => makeUser(db.prisma, label)));
    const courseId = await makeCourse(db.prisma, teacher, [...others, ...attackers]);
    normalId = (await db.prisma.question.findFirstOrThrow({ where: { slug: "alias-append", courseId: null } })).id;
    // The hostile templates are written as rows, as if an author's edit had slipped through.
    for (const [name, code] of Object.entries(HOSTILE) as [keyof typeof HOSTILE, string][]) {
      const q = await db.prisma.question.create({ data: { slug: `hostile-${name}`, courseId, title: `Hostile ${name}`, mechanism: "names-references-objects" } });
      const definition = { slug: `hostile-${name}`, title: `Hostile ${name}`, mechanism: "names-references-objects", prompt: "Predict the output.", code, params: { x: { int: [1, 9] } }, answer: { kind: "output" } };
      await db.prisma.questionVersion.create({ data: { questionId: q.id, version: 1, definition } });
      hostileIds[name] = q.id;
    }
    const now = Date.now();
    const a = await db.prisma.assessment.create({
      data: { courseId, title: "Hostile", kind: "HOMEWORK", opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 86_400_000), publishedAt: new Date(now - 3_600_000) },
    });
    assessmentId = a.id;
    for (const [i, questionId] of [normalId, hostileIds.endless, hostileIds.bomb].entries()) {
      await db.prisma.assessmentQuestion.create({ data: { assessmentId, questionId, position: i + 1 } });
    }
    // Start the workers before measuring anything: their start-up is not what is measured.
    await submitAttempt(others[0], { assessmentId, questionId: normalId, answer: { kind: "output", value: "x" }, idempotencyKey: key() });
  });

  /** One round: each of the 50 submits once, all at once; returns each request's latency. */
  async function round(): Promise<number[]> {
    return Promise.all(
      others.map(async (s) => {
        const t = performance.now();
        const r = await submitAttempt(s, { assessmentId, questionId: normalId, answer: { kind: "output", value: "[1, 2, 3]\n3" }, idempotencyKey: key() });
        expect(r.attemptId).toBeTruthy();
        return performance.now() - t;
      }),
    );
  }

  it("keeps the other students' grading near its baseline while an endless loop and an allocation bomb run", async () => {
    const baseline = [...(await round()), ...(await round()), ...(await round())];

    const hostileStarted = performance.now();
    const hostile = (["endless", "bomb"] as const).map(async (name, i) => {
      try {
        await submitAttempt(attackers[i], { assessmentId, questionId: hostileIds[name], answer: { kind: "output", value: "0" }, idempotencyKey: key() });
        return { name, outcome: "graded", ms: performance.now() - hostileStarted };
      } catch (error) {
        return { name, outcome: error instanceof HttpError ? `${error.status} ${error.message}` : String(error), ms: performance.now() - hostileStarted };
      }
    });
    let hostileDone = false;
    const settled = Promise.all(hostile).then((o) => {
      hostileDone = true;
      return o;
    });
    // Let both hostile keys reach their workers, then measure the others for as long as they run.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = gradingPoolStats();
    const during: number[] = [];
    while (!hostileDone) during.push(...(await round()));
    const duringMs = performance.now() - hostileStarted;
    const outcomes = await settled;
    const after = gradingPoolStats();

    const b = stats(baseline);
    const d = stats(during);
    console.log(JSON.stringify({ bench: "hostile", baseline: b, during: d, duringMs: Math.round(duringMs), hostile: outcomes.map((o) => ({ ...o, ms: Math.round(o.ms) })), poolWhileHostile: busy, poolAfter: after }));

    // The hostile submissions were running while the others were measured, and ended as "not gradable".
    expect(busy?.busy).toBeGreaterThanOrEqual(2);
    for (const o of outcomes) expect(o.outcome).toBe("500 This question cannot be graded right now.");
    // The pool stopped at least one of them (wall clock or memory); the rest hit the simulator's budget.
    expect((after?.timedOut ?? 0) + (after?.crashed ?? 0)).toBeGreaterThanOrEqual(1);
    // The others kept being graded near their baseline: nobody waited for a hostile worker (it
    // would add the 1.5 s limit), and the hostile threads, demoted to the lowest CPU priority,
    // took little from them. Relative bounds: this machine's absolute speed varies with its load.
    expect(d.p50).toBeLessThan(2 * b.p50 + 100);
    expect(d.p95).toBeLessThan(2 * b.p95 + 200);
    // Nothing was stored for the hostile submissions.
    expect(await db.prisma.attempt.count({ where: { assessmentId, questionId: { in: Object.values(hostileIds) } } })).toBe(0);
    await closeGradingPool();
  });
});
