// Does the database answer? For GET /api/health and the start script.
//
// Bounded in time: a database that is down must be reported within 2 s, not after the driver's
// connect timeout or never (a half-open TCP connection can hang a query indefinitely).
import { classifyDatabaseError } from "./errors";
import { getPrisma, type PrismaClient } from "./client";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

export const HEALTH_TIMEOUT_MS = 1_500;

class HealthTimeout extends Error {}

export async function checkDatabase(prisma?: PrismaClient, timeoutMs: number = HEALTH_TIMEOUT_MS): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const client = prisma ?? getPrisma();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HealthTimeout()), timeoutMs);
    });
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describe(error, timeoutMs) };
  } finally {
    clearTimeout(timer);
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
