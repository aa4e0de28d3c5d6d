// The database drops every connection while submissions are in flight (what a PostgreSQL restart
// does to a running app). Each failed request must map to 503 `unavailable` (never a 500), and
// clients retrying with the same idempotency key must end with exactly one stored attempt each.
// PostgreSQL only: the connections of this file's own scratch database are terminated, so other
// users of the server are untouched.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { syncBank } from "../../lib/bank/sync";
import { submitAttempt } from "../../lib/attempts/submit";
import type { Caller } from "../../lib/auth/caller";
import { classifyDatabaseError } from "../../lib/db/errors";
import { toErrorBody } from "../../lib/http/errors";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

const db = useTestDatabase();
if (!db.skip && db.target !== "postgres") console.log("[heapwise] skipping: the outage test terminates PostgreSQL connections (run with HEAPWISE_TEST_DB=postgres)");
const STUDENTS = 12;

async function terminateOthers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

describe.skipIf(db.skip || db.target !== "postgres")("submissions while the database drops its connections", () => {
  let students: Caller[] = [];
  let assessmentId = "";
  let questionId = "";

  beforeAll(async () => {
    await syncBank(db.prisma);
    const teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    students = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => makeUser(db.prisma, `s${i}`)));
    assessmentId = await makeAssessment(db.prisma, await makeCourse(db.prisma, teacher, students), { slugs: ["what-assignment-does"] });
    questionId = (await db.prisma.question.findFirstOrThrow({ where: { slug: "what-assignment-does", courseId: null } })).id;
  });

  it("answers 503 while connections die, and retries with the same key store one attempt each", async () => {
    const bodies = students.map(() => ({ assessmentId, questionId, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() }));
    const statuses: number[] = [];
    const killed: number[] = [];
    // Several rounds of submissions racing a termination, so some land mid-query and mid-transaction.
    for (let round = 0; round < 3; round++) {
      const attempts = Promise.allSettled(students.map((s, i) => submitAttempt(s, bodies[i])));
      await new Promise((resolve) => setTimeout(resolve, 3 + round * 4));
      killed.push(await terminateOthers(db.url));
      for (const r of await attempts) statuses.push(r.status === "fulfilled" ? 200 : toErrorBody(r.reason, classifyDatabaseError).status);
    }
    console.log(JSON.stringify({ outage: "pg_terminate_backend", killed, statuses: Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])) }));
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);

    // Clients retry with their keys until answered.
    const results = await Promise.all(
      students.map(async (s, i) => {
        for (let tryNo = 0; tryNo < 20; tryNo++) {
          try {
            return await submitAttempt(s, bodies[i]);
          } catch (error) {
            expect(toErrorBody(error, classifyDatabaseError).status).toBe(503);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        throw new Error("never answered");
      }),
    );
    expect(results).toHaveLength(STUDENTS);
    const rows = await db.prisma.attempt.findMany({ where: { assessmentId } });
    expect(rows).toHaveLength(STUDENTS);
    expect(new Set(rows.map((r) => r.idempotencyKey))).toEqual(new Set(bodies.map((b) => b.idempotencyKey)));
  });
});
