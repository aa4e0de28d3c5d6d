// Sorts what the database layer throws into the two cases an API answers specially:
// `unavailable` (503: the server is down, restarting or unreachable; the client may retry) and
// `conflict` (409: a unique constraint refused a duplicate). Anything else is null: a bug, a 500.
//
// The same failure reaches us in several wrappings: a raw `pg` error (migrations, health check),
// a Prisma known-request error with a P-code, or a driver-adapter error whose `cause` carries the
// adapter's `kind` or PostgreSQL's SQLSTATE. So the classifier walks the chain of causes.

export type DatabaseErrorKind = "unavailable" | "conflict";

// Node socket errors on connect or mid-query.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
// Prisma: can't reach (P1001), timed out (P1002, P1008), closed (P1017), pool timeout (P2024), and a
// transaction that could not start in time (P2028: every connection busy or the server gone).
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// Driver-adapter error kinds that mean "the database cannot serve us right now". A missing
// database or refused credentials are included: no request can succeed until an operator acts,
// and the client should see an outage (503), not a bug (500).
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections",
  "DatabaseDoesNotExist", "DatabaseAccessDenied", "AuthenticationFailed",
]);
// SQLSTATE: class 08 connection exceptions; 57P01-03 admin/crash shutdown, cannot connect now;
// 53300 too many connections; 3D000 no such database; 28000/28P01 authorization/password refused.
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[1-3]|53300|3D000|28000|28P01)$/;
const MESSAGE_UNAVAILABLE =
  /connection terminated|connection (is )?closed|timeout exceeded when trying to connect|can't reach database server|server closed the connection|the database system is (shutting down|starting up)|client has encountered a connection error/i;

type Bag = Record<string, unknown>;

function asBag(value: unknown): Bag | null {
  return typeof value === "object" && value !== null ? (value as Bag) : null;
}

/** The error and everything it wraps: `cause` chains, Prisma's `meta.driverAdapterError`, AggregateError members. */
function* chain(error: unknown, depth = 0): Generator<Bag> {
  const bag = asBag(error);
  if (!bag || depth > 8) return;
  yield bag;
  yield* chain(bag.cause, depth + 1);
  const meta = asBag(bag.meta);
  if (meta) yield* chain(meta.driverAdapterError, depth + 1);
  if (Array.isArray(bag.errors)) for (const inner of bag.errors) yield* chain(inner, depth + 1);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function classifyDatabaseError(error: unknown): DatabaseErrorKind | null {
  for (const link of chain(error)) {
    const code = str(link.code);
    const kind = str(link.kind);
    const originalCode = str(link.originalCode);
    if (code === "P2002" || code === "23505" || kind === "UniqueConstraintViolation" || originalCode === "23505") return "conflict";
    if (code && (NETWORK_CODES.has(code) || PRISMA_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code))) return "unavailable";
    if (originalCode && SQLSTATE_UNAVAILABLE.test(originalCode)) return "unavailable";
    if (kind && ADAPTER_UNAVAILABLE.has(kind)) return "unavailable";
    const message = str(link.message);
    if (message && MESSAGE_UNAVAILABLE.test(message)) return "unavailable";
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return classifyDatabaseError(error) === "conflict";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseError(error) === "unavailable";
}
