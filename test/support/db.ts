// A fresh, migrated database for each integration test file, on the target chosen by
// HEAPWISE_TEST_DB: `postgres` (a throwaway database on the server at TEST_DATABASE_ADMIN_URL,
// dropped afterwards) or `embedded` (the default: PGlite in memory, served on a local socket).
//
// Usage in a test file:
//   const db = useTestDatabase();            // registers beforeAll/afterAll
//   describe.skipIf(db.skip)("...", () => { it("...", async () => { db.url; db.prisma; }) });
// When the target is unreachable, `db.skip` is the printed reason and the suite is skipped.
// `useTestDatabase` also points DATABASE_URL at the database, so code that calls getPrisma() works.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectPrisma, getPrisma, type PrismaClient } from "../../lib/db/client";
import { EMBEDDED_POOL_MAX, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export type TestTarget = "postgres" | "embedded";

export const testTarget: TestTarget = process.env.HEAPWISE_TEST_DB === "postgres" ? "postgres" : "embedded";
export const adminUrl = process.env.TEST_DATABASE_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export type ScratchDatabase = { url: string; target: TestTarget; poolMax: number; drop(): Promise<void> };

/** Connection string of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Why the target cannot be used here, or null. Only the postgres target can be missing. */
export async function unavailableReason(): Promise<string | null> {
  if (testTarget === "embedded") return null;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `no PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ":***@")}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** An empty database (not migrated). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (testTarget === "embedded") {
    const embedded = await startEmbedded({ dataDir: "memory" });
    return { url: embedded.url, target: "embedded", poolMax: EMBEDDED_POOL_MAX, drop: () => embedded.stop() };
  }
  const name = `heapwise_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    target: "postgres",
    poolMax: 5,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        // FORCE (PostgreSQL 13+): a pool a failed test left open must not keep the database alive.
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export type TestDatabase = {
  /** Reason the suite is skipped, or false. */
  readonly skip: string | false;
  readonly url: string;
  readonly target: TestTarget;
  /**
   * The process's shared client (getPrisma()), pointed at this file's database: the code under test
   * and the test share one pool, as they do in the app (the embedded socket accepts one connection).
   */
  readonly prisma: PrismaClient;
};

const skipReason = await unavailableReason();
if (skipReason) console.log(`[heapwise] skipping database tests (HEAPWISE_TEST_DB=${testTarget}): ${skipReason}`);

export function useTestDatabase({ migrated = true }: { migrated?: boolean } = {}): TestDatabase {
  let scratch: ScratchDatabase | undefined;
  const saved = { url: process.env.DATABASE_URL, pool: process.env.DATABASE_POOL_MAX };

  beforeAll(async () => {
    if (skipReason) return;
    scratch = await createScratchDatabase();
    if (migrated) await migrate(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    process.env.DATABASE_POOL_MAX = String(scratch.poolMax);
  });

  afterAll(async () => {
    await disconnectPrisma();
    await scratch?.drop();
    restore("DATABASE_URL", saved.url);
    restore("DATABASE_POOL_MAX", saved.pool);
  });

  return {
    skip: skipReason ?? false,
    get target() {
      return testTarget;
    },
    get url() {
      if (!scratch) throw new Error("The test database is not ready: use it inside a test or a hook.");
      return scratch.url;
    },
    get prisma() {
      if (!scratch) throw new Error("The test database is not ready: use it inside a test or a hook.");
      return getPrisma();
    },
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
