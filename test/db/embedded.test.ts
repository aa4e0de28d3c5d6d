// The embedded database (lib/db/embedded.ts): what `npm run demo` runs when DATABASE_URL is unset.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/db/client";
import { EMBEDDED_POOL_MAX, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { testTarget } from "../support/db";

const skip = testTarget !== "embedded" ? "runs once, with HEAPWISE_TEST_DB=embedded" : false;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "heapwise-pglite-"));
  folders.push(folder);
  return path.join(folder, "pglite");
}

describe.skipIf(skip)("embedded database", () => {
  it("serves a burst of 50 concurrent queries, transactions among them, through its one-connection pool", async () => {
    const embedded = await startEmbedded({ dataDir: "memory" });
    const prisma = createPrisma({ url: embedded.url, poolMax: EMBEDDED_POOL_MAX });
    try {
      await migrate(embedded.url);
      const started = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => {
          const email = `burst${i}@heapwise.test`;
          if (i % 3 === 0) return prisma.user.create({ data: { email, name: `b${i}`, passwordHash: "x" } });
          if (i % 3 === 1) {
            return prisma.$transaction(async (tx) => {
              const user = await tx.user.create({ data: { email, name: `b${i}`, passwordHash: "x" } });
              // Holding the transaction open across a tick: other requests must wait, not join it.
              await new Promise((resolve) => setTimeout(resolve, 2));
              return tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
            });
          }
          return prisma.user.count();
        }),
      );
      const ms = performance.now() - started;
      const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      expect(failures).toEqual([]);
      const writes = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 !== 2).length;
      expect(await prisma.user.count()).toBe(writes);
      expect(await prisma.user.count({ where: { failedSignIns: 1 } })).toBe(Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 === 1).length);
      console.log(`[embedded] 50 concurrent queries in ${ms.toFixed(0)} ms`);
    } finally {
      await prisma.$disconnect();
      await embedded.stop();
    }
  });

  it("completes a queue of transactions longer than Prisma's default 2 s wait for a connection", async () => {
    const embedded = await startEmbedded({ dataDir: "memory" });
    const prisma = createPrisma({ url: embedded.url, poolMax: EMBEDDED_POOL_MAX });
    try {
      await migrate(embedded.url);
      const started = performance.now();
      // 30 transactions holding the one connection for 100 ms each: the last waits about 3 s.
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          prisma.$transaction(async (tx) => {
            await new Promise((resolve) => setTimeout(resolve, 100));
            return tx.user.create({ data: { email: `queued${i}@heapwise.test`, name: `q${i}`, passwordHash: "x" } });
          }),
        ),
      );
      expect(performance.now() - started).toBeGreaterThan(2_500);
      expect(results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []))).toEqual([]);
      expect(await prisma.user.count()).toBe(30);
    } finally {
      await prisma.$disconnect();
      await embedded.stop();
    }
  });

  it("keeps its data in its folder across a restart", async () => {
    const dataDir = tempFolder();
    const first = await startEmbedded({ dataDir });
    await migrate(first.url);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('u1', 'kept@heapwise.test', 'Kept', 'x')`);
    await client.end();
    await first.stop();

    const second = await startEmbedded({ dataDir });
    try {
      expect((await migrate(second.url)).applied).toEqual([]);
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      const { rows } = await again.query<{ email: string }>(`SELECT email FROM "User"`);
      await again.end();
      expect(rows).toEqual([{ email: "kept@heapwise.test" }]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a second server on a folder that another live process is using", async () => {
    const dataDir = tempFolder();
    const first = await startEmbedded({ dataDir });
    await first.stop();
    // Pretend the folder belongs to another live process (our parent, which is alive).
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dataDir}.pid`, String(process.ppid));
    await expect(startEmbedded({ dataDir })).rejects.toThrow(/in use by process/);
    // A stale claim (a process that is gone) does not block a restart after a crash.
    writeFileSync(`${dataDir}.pid`, "999999999");
    const again = await startEmbedded({ dataDir });
    await again.stop();
  });
});
