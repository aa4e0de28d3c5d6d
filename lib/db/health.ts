// Does the database answer? For GET /api/health and the start script.
//
// Bounded in time: a database that is down must be reported within 2 s, not after the driver's
// connect timeout or never (a half-open TCP connection can hang a query indefinitely).
//
// On a PostgreSQL server the check opens a connection of its own instead of taking one from the
// app's pool: under load every pooled connection is busy, and a check queued behind them would
// report the database's state seconds late (measured with bench:load: a 1.6 s restart was never
// seen). The embedded database serves one connection, so there the shared client is used.
import pg from "pg";
import { getEnv } from "../env";
import { classifyDatabaseError } from "./errors";
import { getPrisma, type PrismaClient } from "./client";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

export const HEALTH_TIMEOUT_MS = 1_500;

class HealthTimeout extends Error {}

export async function checkDatabase(prisma?: PrismaClient, timeoutMs: number = HEALTH_TIMEOUT_MS): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HealthTimeout()), timeoutMs);
    });
    const env = getEnv();
    const own = !prisma && env.databaseUrl && env.databasePoolMax !== 1 ? env.databaseUrl : null;
    await Promise.race([own ? selectOne(own, timeoutMs) : (prisma ?? getPrisma()).$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describe(error, timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}

/** SELECT 1 on a connection of its own, always closed. */
async function selectOne(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined); // a dropped connection also rejects the pending call
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    void client.end().catch(() => undefined);
  }
}

// A short reason for operators; no connection string (it may hold a password).
function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof HealthTimeout) return `no answer within ${timeoutMs} ms`;
  const kind = classifyDatabaseError(error);
  const message = error instanceof Error ? error.message.split("\n").map((line) => line.trim()).filter(Boolean).pop() ?? error.name : String(error);
  const clean = message.replace(/postgres(ql)?:\/\/[^\s'"`]+/g, "postgresql://…").slice(0, 200);
  return kind === "unavailable" ? `unreachable: ${clean}` : clean;
}
