// The Prisma client: one per process, over the `pg` driver (`@prisma/adapter-pg`), so the same code
// talks to a PostgreSQL server and to the embedded PGlite served on a local socket.
//
// The instance lives on globalThis because Next's dev server re-evaluates modules on every edit;
// a module-level variable would open a new pool per reload until the database refuses connections.
// This file has no `import "server-only"` so scripts and vitest (which run outside Next) can use it;
// Next code imports `@/lib/db`, which adds that guard.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getEnv } from "../env";
import { PrismaClient } from "./generated/client";

export { Prisma, PrismaClient } from "./generated/client";

type Holder = { prisma?: PrismaClient; url?: string; pool?: pg.Pool };
const holder = globalThis as typeof globalThis & { __heapwisePrisma?: Holder };

// A server takes 10 per process by default; override with DATABASE_POOL_MAX (the start script sets
// 1 for the embedded database, which serves one connection at a time).
const DEFAULT_POOL_MAX = 10;
export const TRANSACTION_MAX_WAIT_MS = 10_000;

export type ClientOptions = { url: string; poolMax?: number; connectTimeoutMs?: number };

function poolConfig({ url, poolMax = DEFAULT_POOL_MAX, connectTimeoutMs = 5_000 }: ClientOptions): pg.PoolConfig {
  return {
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: connectTimeoutMs,
    // Closing idle connections lets a restarted server be reached again without a stale socket.
    // A one-connection pool is the embedded database's (lib/db/embedded.ts): it keeps its
    // connection, since reconnecting could race the socket's one-connection limit.
    idleTimeoutMillis: poolMax === 1 ? 0 : 30_000,
  };
}

// Prisma waits 2 s by default for a connection to start a transaction. A burst queues longer
// than that for a pool of 10, and much longer for the embedded database's single connection
// (test/db/embedded.test.ts), while each transaction itself takes milliseconds.
const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: 10_000 };

/**
 * A `pg` pool that cannot crash the process when the server goes away. Two kinds of `error` event
 * would otherwise be thrown unheard:
 * - an idle connection dropped by the server (a restart) is an `error` on the pool; pg-pool has
 *   already discarded that connection;
 * - a connection just opened can receive its ReadyForQuery and the server's FATAL "terminating
 *   connection" in one TCP chunk (a fast shutdown right after the connect). pg-pool takes its own
 *   listener off as it hands the client to `connect()`, and the caller's `await` resumes only after
 *   the whole chunk is parsed, so the FATAL is emitted with no listener at all
 *   (lib/db/pool.test.ts reproduces it). Every client therefore keeps a listener of its own from
 *   the moment it connects. The error is not lost: it fails the client's queries and marks it
 *   unqueryable, so its release removes it from the pool.
 */
export function openPool(options: ClientOptions): pg.Pool {
  const pool = new pg.Pool(poolConfig(options));
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

/** A new client with its own pool. Callers own it and must `$disconnect()` it. */
export function createPrisma(options: ClientOptions): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(openPool(options), { disposeExternalPool: true }), transactionOptions });
}

/** The process's shared client, from DATABASE_URL. */
export function getPrisma(): PrismaClient {
  const state = (holder.__heapwisePrisma ??= {});
  const env = getEnv();
  if (!env.databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run demo` (embedded database) or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  if (!state.prisma || state.url !== env.databaseUrl) {
    // The shared client's pool is ours, so the hot paths can use it directly (getPgPool); Prisma
    // ends it on $disconnect (disposeExternalPool).
    const pool = openPool({ url: env.databaseUrl, poolMax: env.databasePoolMax ?? DEFAULT_POOL_MAX });
    state.prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions });
    state.pool = pool;
    state.url = env.databaseUrl;
  }
  return state.prisma;
}

/**
 * The shared client's `pg` pool, for the few hot paths where Prisma's per-query cost shows
 * (the submission path: lib/attempts/submit.ts). Same connections, same limits, same errors
 * (lib/db/errors.ts classifies raw `pg` errors too).
 */
export function getPgPool(): pg.Pool {
  getPrisma();
  const pool = holder.__heapwisePrisma?.pool;
  if (!pool) throw new Error("the shared database pool is not open");
  return pool;
}

/** Closes the shared client (end of a script or a test file). */
export async function disconnectPrisma(): Promise<void> {
  const state = holder.__heapwisePrisma;
  if (state?.prisma) {
    const prisma = state.prisma;
    state.prisma = undefined;
    state.pool = undefined;
    state.url = undefined;
    await prisma.$disconnect();
  }
}
