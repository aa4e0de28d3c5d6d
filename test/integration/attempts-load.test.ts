// Load on the submission path: 64 students submitting at once, each a stream of answers with
// fresh idempotency keys (and every tenth request a retry of the previous key), through
// submitAttempt with the app's pool size (10). Prints throughput and latency percentiles as one
// JSON line; asserts what must hold under load: no request fails, and every distinct key is
// stored exactly once. PostgreSQL only: the embedded database serves one connection and is not
// what production runs on. The rate limit is widened, as a load test's environment would.
import { beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "../../lib/db/client";
import type { Caller } from "../../lib/auth/caller";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

process.env.HEAPWISE_ATTEMPT_BURST = "100000";
process.env.HEAPWISE_ATTEMPT_RATE = "100000";
const { syncBank } = await import("../../lib/bank/sync");
const { submitAttempt } = await import("../../lib/attempts/submit");

const db = useTestDatabase();
if (!db.skip && db.target !== "postgres") console.log("[heapwise] skipping: the submission load test measures PostgreSQL (run with HEAPWISE_TEST_DB=postgres)");
const STUDENTS = 64;
const PER_STUDENT = 15;

describe.skipIf(db.skip || db.target !== "postgres")("submission path under 64 concurrent students", () => {
  let students: Caller[] = [];
  let assessmentId = "";
  let questionIds: string[] = [];

  beforeAll(async () => {
    process.env.DATABASE_POOL_MAX = "10";
    await disconnectPrisma(); // the next getPrisma() opens a pool of the app's default size
    await syncBank(db.prisma);
    const teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    students = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => makeUser(db.prisma, `s${i}`)));
    const courseId = await makeCourse(db.prisma, teacher, students);
    const slugs = ["what-assignment-does", "alias-append"];
    assessmentId = await makeAssessment(db.prisma, courseId, { slugs });
    questionIds = await Promise.all(slugs.map(async (slug) => (await db.prisma.question.findFirstOrThrow({ where: { slug, courseId: null } })).id));
  });

  it("stores each submission once and reports throughput and latency", async () => {
    const latencies: number[] = [];
    const keys = new Set<string>();
    const started = performance.now();
    await Promise.all(
      students.map(async (s, i) => {
        let last = "";
        for (let n = 0; n < PER_STUDENT; n++) {
          const retry = n % 10 === 9;
          const k = retry ? last : key();
          keys.add(k);
          last = k;
          const questionId = questionIds[(i + n) % 2];
          const answer = questionId === questionIds[0] ? { kind: "choice", choice: n % 4 } : { kind: "output", value: `[1, 2, 3]\n3` };
          // A retry must name the question its key was first used for.
          const body = { assessmentId, questionId: retry ? questionIds[(i + n - 1) % 2] : questionId, answer: retry ? undefined : answer, idempotencyKey: k };
          const t = performance.now();
          await submitAttempt(s, body);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10;
    console.log(
      JSON.stringify({ bench: "submitAttempt", students: STUDENTS, requests: latencies.length, perSecond: Math.round(latencies.length / seconds), p50ms: pct(50), p99ms: pct(99), maxMs: pct(100) }),
    );
    expect(await db.prisma.attempt.count({ where: { assessmentId } })).toBe(keys.size);
  });
});
