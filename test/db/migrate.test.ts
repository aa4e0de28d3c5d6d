// lib/db/migrate.ts against a real database (PostgreSQL or the embedded PGlite, per HEAPWISE_TEST_DB).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { checksumOf, DEFAULT_MIGRATIONS_DIR, migrate, MigrationError, readMigrations } from "../../lib/db/migrate";
import { createScratchDatabase, unavailableReason, type ScratchDatabase } from "../support/db";

const skip = await unavailableReason();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratch(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase();
  cleanups.push(() => db.drop());
  return db;
}

/** A copy of the real migrations folder that a test may edit. */
function migrationsCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "heapwise-migrations-"));
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const publicTables = (url: string) =>
  query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name").then((rows) =>
    rows.map((row) => row.table_name),
  );

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null };
const recorded = (url: string) =>
  query<MigrationRow>(url, `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`);

describe.skipIf(skip)("migrations", () => {
  const local = readMigrations();

  it("has Prisma Migrate's layout: a lock file and <timestamp>_<name>/migration.sql", () => {
    expect(readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
    expect(local.length).toBeGreaterThan(0);
    for (const migration of local) expect(migration.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("apply to an empty database, recorded as Prisma records them, and a rerun changes nothing", async () => {
    const db = await scratch();
    const first = await migrate(db.url);
    expect(first.applied).toEqual(local.map((m) => m.name));
    const tables = await publicTables(db.url);
    for (const table of ["User", "Course", "Question", "QuestionVersion", "Variant", "Attempt", "Regrade", "_prisma_migrations"]) {
      expect(tables).toContain(table);
    }
    const rows = await recorded(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const file = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, local[i].name, "migration.sql"));
      expect(row.checksum).toBe(checksumOf(file));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const second = await migrate(db.url);
    expect(second).toEqual({ applied: [], alreadyApplied: local.map((m) => m.name), unknown: [] });
    expect(await publicTables(db.url)).toEqual(tables);
    expect(await recorded(db.url)).toHaveLength(rows.length);
  });

  it("applies only what is new, in order", async () => {
    const db = await scratch();
    const dir = migrationsCopy();
    await migrate(db.url, { dir });
    mkdirSync(path.join(dir, "29991231235959_add_note"));
    writeFileSync(path.join(dir, "29991231235959_add_note", "migration.sql"), 'ALTER TABLE "User" ADD COLUMN "note" TEXT;\n');
    const result = await migrate(db.url, { dir });
    expect(result.applied).toEqual(["29991231235959_add_note"]);
    const columns = await query<{ column_name: string }>(db.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'User'");
    expect(columns.map((c) => c.column_name)).toContain("note");
  });

  it("refuses, changing nothing, when an applied migration's file was edited", async () => {
    const db = await scratch();
    const dir = migrationsCopy();
    await migrate(db.url, { dir });
    const file = path.join(dir, local[0].name, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nCREATE TABLE "Sneaky" (id int);\n`);
    mkdirSync(path.join(dir, "29991231235959_later"));
    writeFileSync(path.join(dir, "29991231235959_later", "migration.sql"), 'CREATE TABLE "Later" (id int);\n');

    await expect(migrate(db.url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(db.url, { dir })).rejects.toThrow(/changed after it was applied/);
    const tables = await publicTables(db.url);
    expect(tables).not.toContain("Sneaky");
    expect(tables).not.toContain("Later");
  });

  it("rolls back a failing migration entirely and records nothing for it", async () => {
    const db = await scratch();
    const dir = migrationsCopy();
    mkdirSync(path.join(dir, "29991231235959_broken"));
    writeFileSync(path.join(dir, "29991231235959_broken", "migration.sql"), 'CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n');
    await expect(migrate(db.url, { dir })).rejects.toThrow(/29991231235959_broken failed and was rolled back/);
    expect(await publicTables(db.url)).not.toContain("HalfDone");
    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
  });

  it("serializes two migrators started at once: each migration applied exactly once", async () => {
    const db = await scratch();
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(local.map((m) => m.name));
    expect([...a.applied, ...a.alreadyApplied].sort()).toEqual(local.map((m) => m.name));
    expect([...b.applied, ...b.alreadyApplied].sort()).toEqual(local.map((m) => m.name));
    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
  });
});
