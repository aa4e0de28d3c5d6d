// Applies `prisma/migrations/*/migration.sql` without Prisma's native schema engine, which cannot
// be downloaded on machines with no internet (../shared/notes/prisma-offline.md).
//
// It keeps Prisma Migrate's bookkeeping exactly: the `_prisma_migrations` table with Prisma's
// columns, one row per applied migration, checksum = sha256 of the file (hex). So on a machine
// that has the engine, `prisma migrate deploy` sees these migrations as applied, and the other way
// round. Each migration runs in its own transaction together with its row: it is applied entirely
// or not at all. An applied migration whose file changed since is refused, never re-run.
//
// Concurrent starters: a session advisory lock (Prisma's own key, so `prisma migrate deploy` waits
// too) serializes them on a PostgreSQL server. On PGlite every connection shares one session, so
// that lock cannot exclude anyone; there, pglite-socket runs one transaction at a time, and the
// check "is this migration applied?" is repeated inside the migration's transaction. Outside a
// transaction this file sends only parameterless (simple-protocol) queries, single messages that
// pglite-socket cannot interleave with another connection's.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The advisory lock key `prisma migrate` takes (migration-engine's ADVISORY_LOCK_TIMEOUT key). */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type Migration = { name: string; sql: string; checksum: string };

export type MigrateResult = {
  applied: string[];
  alreadyApplied: string[];
  /** Recorded in the database but absent here: the database is newer than this code. */
  unknown: string[];
};

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The migrations of a folder, in the order Prisma applies them (folder names sort by timestamp). */
export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}

// Prisma Migrate's own table, column for column (schema-engine's sql-migration-connector).
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type Row = { migration_name: string; checksum: string; finished_at: Date | null };

export type MigrateOptions = {
  dir?: string;
  /** How long to wait for another migrator before giving up. */
  lockTimeoutMs?: number;
  log?: (line: string) => void;
};

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Polling pg_try_advisory_lock rather than blocking in pg_advisory_lock: a stuck migrator
  // elsewhere then produces a clear error here instead of a start that hangs forever.
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY}) AS locked`);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new MigrationError(`Another migration run has held the migration lock for over ${Math.round(timeoutMs / 1000)} s; giving up.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function appliedRows(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function checkApplied(migration: Migration, row: Row): void {
  if (row.finished_at === null) {
    throw new MigrationError(
      `Migration ${migration.name} is recorded as started but not finished (a failed \`prisma migrate\` run). ` +
        "Repair the database by hand, then mark it with `prisma migrate resolve`.",
    );
  }
  if (row.checksum !== migration.checksum) {
    throw new MigrationError(
      `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
        `${migration.checksum.slice(0, 12)}… on disk). Applied migrations must not be edited: restore the file and put the change in a new migration (npm run db:migration -- NAME).`,
    );
  }
}

const SELECT_LIVE = `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;

/** Applies the pending migrations to the database at `url`. */
export async function migrate(url: string, { dir, lockTimeoutMs = 60_000, log = () => {} }: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await acquireLock(client, lockTimeoutMs);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const before = appliedRows((await client.query<Row>(SELECT_LIVE)).rows);
      // Refuse before changing anything if history was rewritten.
      for (const migration of migrations) {
        const row = before.get(migration.name);
        if (row) checkApplied(migration, row);
      }
      const result: MigrateResult = {
        applied: [],
        alreadyApplied: [],
        unknown: [...before.keys()].filter((name) => !migrations.some((m) => m.name === name)),
      };
      for (const migration of migrations) {
        if (before.has(migration.name)) {
          result.alreadyApplied.push(migration.name);
          continue;
        }
        if (await applyOne(client, migration)) {
          result.applied.push(migration.name);
          log(`applied migration ${migration.name}`);
        } else {
          result.alreadyApplied.push(migration.name);
        }
      }
      return result;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_KEY})`).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies one migration and records it, in one transaction. False if someone else just did. */
async function applyOne(client: pg.Client, migration: Migration): Promise<boolean> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<Row>(`${SELECT_LIVE} AND migration_name = $1`, [migration.name]);
    if (rows[0]) {
      checkApplied(migration, rows[0]);
      await client.query("ROLLBACK");
      return false;
    }
    const startedAt = new Date();
    try {
      // No parameters: the simple query protocol, which runs a script of many statements.
      await client.query(migration.sql);
    } catch (error) {
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
