// PostgreSQL restarted under load (`pg_ctl restart -m fast`), the CI-sized twin of
// `npm run bench:load`'s restart phase. The cluster is this file's own (lib/db/scratch-cluster.ts),
// never the shared server. Students submit through the real route handler (POST /api/attempts,
// Bearer tokens) and retry a 503 with the same idempotency key; GET /api/health is polled
// throughout. Must hold: every answer is 200 or a 503 JSON `unavailable` (never a 500), health
// reports the outage and then the recovery, the app recovers by itself, and every acknowledged
// submission is stored exactly once. Runs in the PostgreSQL pass of the integration suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/attempts/route";
import { GET as health } from "@/app/api/health/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { syncBank } from "@/lib/bank/sync";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { postgresBinDir, startScratchCluster, type ScratchCluster } from "@/lib/db/scratch-cluster";
import { testTarget } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

const STUDENTS = 12;
const RUN_MS = 4_000;
const RESTART_AT_MS = 1_500;

const skip =
  testTarget !== "postgres"
    ? "it runs in the PostgreSQL pass (HEAPWISE_TEST_DB=postgres)"
    : postgresBinDir() === null
      ? "no PostgreSQL server binaries (initdb, pg_ctl) to start a cluster of its own"
      : null;
if (skip) console.log(`[heapwise] skipping the restart test: ${skip}`);

const noParams = { params: Promise.resolve({}) };

describe.skipIf(skip)("PostgreSQL restarted under load", () => {
  let cluster: ScratchCluster;
  let assessmentId = "";
  let questionId = "";
  const students: { id: string; token: string }[] = [];

  beforeAll(async () => {
    cluster = await startScratchCluster();
    const url = cluster.adminUrl;
    await migrate(url, { log: () => undefined });
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_MAX = "10";
    await disconnectPrisma();
    const prisma = getPrisma();
    await syncBank(prisma);
    const teacher = await makeUser(prisma, "teacher", "INSTRUCTOR");
    const callers = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => makeUser(prisma, `s${i}`)));
    for (const c of callers) students.push({ id: c.id, token: (await createApiToken(c.id, "restart test")).token });
    assessmentId = await makeAssessment(prisma, await makeCourse(prisma, teacher, callers), { slugs: ["what-assignment-does"] });
    questionId = (await prisma.question.findFirstOrThrow({ where: { slug: "what-assignment-does", courseId: null } })).id;
  });

  afterAll(async () => {
    await disconnectPrisma();
    await cluster?.stop();
  });

  it("answers 503 JSON during the outage, recovers by itself, and stores each acknowledged submission once", async () => {
    const acked = new Map<string, string>(); // idempotencyKey -> userId
    const statuses = new Map<number, number>();
    const unexpected: string[] = [];
    let errors503 = 0;
    const started = performance.now();

    const healthLog: { at: number; status: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        healthLog.push({ at: performance.now() - started, status: (await health()).status });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    let restartBegan = 0;
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, RESTART_AT_MS));
      restartBegan = performance.now() - started;
      await cluster.restart();
    })();

    await Promise.all(
      students.map(async (s) => {
        while (performance.now() - started < RUN_MS) {
          const k = key();
          const body = JSON.stringify({ assessmentId, questionId, answer: { kind: "choice", choice: 0 }, idempotencyKey: k });
          for (let tries = 0; ; tries++) {
            const response = await POST(new Request("http://localhost/api/attempts", { method: "POST", headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" }, body }), noParams);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const json = (await response.json()) as { attemptId?: string; error?: string; message?: string };
            if (response.status === 200) {
              acked.set(k, s.id);
              break;
            }
            if (response.status === 503) {
              errors503++;
              expect(json).toEqual({ error: "unavailable", message: expect.any(String) });
            } else unexpected.push(`${response.status} ${JSON.stringify(json)}`);
            if (tries > 400) throw new Error("never acknowledged");
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      }),
    );
    await restart;
    // Keep polling until health is ok again after the restart.
    while (performance.now() - started < 60_000 && !(healthLog.at(-1)?.status === 200 && healthLog.some((h) => h.at > restartBegan && h.status !== 200))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    polling = false;
    await poller;

    const down = healthLog.filter((h) => h.at >= restartBegan && h.status !== 200);
    const recovered = down.length ? healthLog.find((h) => h.at > down[0].at && h.status === 200) : undefined;
    const recoveredMs = recovered ? Math.round(recovered.at - restartBegan) : -1;
    const rows = await getPrisma().$queryRaw<{ userId: string; idempotencyKey: string; n: number }[]>`
      SELECT "userId", "idempotencyKey", count(*)::int AS n FROM "Attempt" WHERE "assessmentId" = ${assessmentId} GROUP BY 1, 2`;
    const stored = new Map(rows.map((r) => [`${r.userId}\u0000${r.idempotencyKey}`, r.n]));
    const lost = [...acked].filter(([k, u]) => !stored.has(`${u}\u0000${k}`)).length;
    const duplicated = rows.filter((r) => r.n > 1).length;
    console.log(JSON.stringify({ restart: { acknowledged: acked.size, statuses: Object.fromEntries(statuses), errors503, healthDown: down.length, recoveredMs, lost, duplicated } }));

    expect(unexpected).toEqual([]);
    expect(down.length).toBeGreaterThan(0); // health saw the outage…
    expect(recoveredMs).toBeGreaterThan(0); // …and the recovery
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    // Retries end with exactly one row per submission: nothing stored that was not acknowledged.
    expect(rows.reduce((a, r) => a + r.n, 0)).toBe(acked.size);
    // The app recovered by itself: submissions after the recovery were answered 200.
    const after = await POST(
      new Request("http://localhost/api/attempts", { method: "POST", headers: { authorization: `Bearer ${students[0].token}`, "content-type": "application/json" }, body: JSON.stringify({ assessmentId, questionId, answer: { kind: "choice", choice: 1 }, idempotencyKey: key() }) }),
      noParams,
    );
    expect(after.status).toBe(200);
  });
});
