// Raw SQL on the shared pool (lib/db/client.ts getPgPool) for the submission path, where the ORM's
// per-query cost is most of the request (measured: @prisma/client ~15% of the CPU of a submission
// in-process). Errors are node-postgres's own, which classifyDatabaseError sorts like Prisma's.
import pg from "pg";
import { getPgPool } from "./client";
import { isDatabaseUnavailable } from "./errors";

export type Sql = { text: string; values: unknown[] };

/** A tagged template: `sql\`SELECT ... WHERE id = ${id}\`` -> { text: "... $1", values: [id] }. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) text += `$${i}${strings[i]}`;
  return { text, values };
}

export async function query<R extends object>(q: Sql, client?: pg.PoolClient): Promise<R[]> {
  const result = await (client ?? getPgPool()).query<R>(q.text, q.values);
  return result.rows;
}

/**
 * Several statements in ONE round trip (the simple-query protocol), for a transaction whose every
 * statement is known up front: `BEGIN; ...; COMMIT`. Each statement still takes its own snapshot
 * (READ COMMITTED), exactly as if sent one by one, so a lock taken by one statement is seen by the
 * next. The protocol has no parameters, so values are rendered as literals by `literal` below.
 * On an error the transaction is rolled back (or the connection dropped when the server is gone).
 */
export async function script(statements: (string | SqlText)[]): Promise<pg.QueryResult[]> {
  const client = await getPgPool().connect();
  const onError = () => undefined;
  client.on("error", onError);
  let failure: unknown;
  try {
    const result = (await client.query(statements.map(String).join(";\n"))) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    failure = error;
    if (!isDatabaseUnavailable(error)) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.removeListener("error", onError);
    client.release(failure !== undefined && isDatabaseUnavailable(failure) ? (failure instanceof Error ? failure : new Error(String(failure))) : undefined);
  }
}

/** SQL text built by `literal`: safe to embed in another `literal` as is. */
export class SqlText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/**
 * A tagged template rendering each value as an SQL literal, for `script`: strings through
 * node-postgres's escapeLiteral (quotes doubled; backslashes doubled under E''), finite numbers
 * and booleans as themselves, null as NULL, an SqlText fragment as its text. Anything else is
 * refused rather than guessed.
 */
export function literal(strings: TemplateStringsArray, ...values: unknown[]): SqlText {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) text += render(values[i - 1]) + strings[i];
  return new SqlText(text);
}

function render(value: unknown): string {
  if (value instanceof SqlText) return value.text;
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number for SQL: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  throw new Error(`no SQL literal for a ${typeof value}`);
}
