// Prisma client round trips over the driver adapter, and how database failures are classified.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/db/client";
import { classifyDatabaseError, isUniqueViolation } from "../../lib/db/errors";
import { adminUrl, testTarget, useTestDatabase, withDatabase } from "../support/db";

const db = useTestDatabase();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describe.skipIf(db.skip)("Prisma client", () => {
  it("creates and reads back a user, with the schema's defaults", async () => {
    const created = await db.prisma.user.create({ data: { email: "ada@heapwise.test", name: "Ada", passwordHash: "x" } });
    expect(created.id).toMatch(/^c[a-z0-9]{20,}$/);
    expect(created.role).toBe("STUDENT");
    expect(created.failedSignIns).toBe(0);
    const found = await db.prisma.user.findUnique({ where: { email: "ada@heapwise.test" } });
    expect(found).toEqual(created);
  });

  it("classifies a duplicate email as a conflict (P2002)", async () => {
    await db.prisma.user.create({ data: { email: "dup@heapwise.test", name: "One", passwordHash: "x" } });
    const error = await rejection(db.prisma.user.create({ data: { email: "dup@heapwise.test", name: "Two", passwordHash: "x" } }));
    expect((error as { code?: string }).code).toBe("P2002");
    expect(classifyDatabaseError(error)).toBe("conflict");
    expect(isUniqueViolation(error)).toBe(true);
  });

  it("stores one attempt per (user, idempotency key); another user may reuse the key", async () => {
    const prisma = db.prisma;
    const [alice, bob] = await Promise.all(
      ["alice", "bob"].map((name) => prisma.user.create({ data: { email: `${name}@idem.test`, name, passwordHash: "x" } })),
    );
    const question = await prisma.question.create({ data: { slug: "q-idem", title: "Q", mechanism: "refcount" } });
    const version = await prisma.questionVersion.create({ data: { questionId: question.id, version: 1, definition: { prompt: "p" } } });
    const attempt = async (userId: string, idempotencyKey: string) => {
      const variant = await prisma.variant.create({
        data: { userId, questionId: question.id, questionVersionId: version.id, attemptNumber: 1, seed: 7, pythonVersion: "3.12" },
      });
      return prisma.attempt.create({
        data: {
          userId, questionId: question.id, questionVersionId: version.id, variantId: variant.id, seed: 7, pythonVersion: "3.12",
          answer: { value: 2 }, correct: true, score: 1, points: 1, feedback: {}, idempotencyKey,
        },
      });
    };
    const key = randomUUID();
    await attempt(alice.id, key);
    const retry = await rejection(attempt(alice.id, key));
    expect(classifyDatabaseError(retry)).toBe("conflict");
    await expect(attempt(bob.id, key)).resolves.toMatchObject({ userId: bob.id, idempotencyKey: key });
    expect(await prisma.attempt.count({ where: { idempotencyKey: key } })).toBe(2);
  });

  it("does not call other failures a conflict or an outage", async () => {
    const error = await rejection(db.prisma.enrolment.create({ data: { courseId: "no-such-course", userId: "no-such-user" } }));
    expect(classifyDatabaseError(error)).toBeNull();
  });

  it("classifies a connection refused as unavailable", async () => {
    const closed = createPrisma({ url: "postgresql://postgres@127.0.0.1:1/none", poolMax: 1 });
    try {
      expect(classifyDatabaseError(await rejection(closed.user.count()))).toBe("unavailable");
    } finally {
      await closed.$disconnect();
    }
  });

  it.skipIf(testTarget !== "postgres")("classifies a database that does not exist (3D000) as unavailable", async () => {
    const missing = createPrisma({ url: withDatabase(adminUrl, `heapwise_missing_${Date.now()}`), poolMax: 1 });
    try {
      expect(classifyDatabaseError(await rejection(missing.user.count()))).toBe("unavailable");
    } finally {
      await missing.$disconnect();
    }
  });

  it.skipIf(testTarget !== "postgres")("classifies a connection the server terminated (57P01) as unavailable", async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    pool.on("error", () => {}); // the terminated idle client reports here; the test looks at the query's error
    const client = await pool.connect();
    client.on("error", () => {});
    try {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
      await admin.end();
      const error = await rejection(client.query("SELECT 1"));
      expect(classifyDatabaseError(error)).toBe("unavailable");
    } finally {
      client.release(true);
      await pool.end();
    }
  });

  it.skipIf(testTarget !== "postgres")("gets through a server that ended all its connections: at worst one query is refused as unavailable", async () => {
    // What a PostgreSQL restart mid-quiz looks like to the app. pg's pool drops a connection that
    // reported an error; a query that still meets the dead one fails, classified unavailable (503),
    // and the next one gets a new connection.
    const prisma = createPrisma({ url: db.url, poolMax: 1 });
    try {
      await prisma.$queryRaw`SELECT 1`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const terminated = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        new URL(db.url).pathname.slice(1),
      ]);
      await admin.end();
      expect(terminated.rowCount).toBeGreaterThan(0);
      const first = await prisma.$queryRaw`SELECT 1`.then(
        () => "answered",
        (error: unknown) => classifyDatabaseError(error),
      );
      expect(["answered", "unavailable"]).toContain(first);
      await expect(prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
