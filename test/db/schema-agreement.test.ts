// schema.prisma and prisma/migrations must describe the same database: someone who edits the
// schema without adding a migration (npm run db:migration -- NAME) fails here.
//
// Database A is built by applying the committed migrations; database B by running the SQL that
// Prisma's schema engine (WASM, offline) generates from an empty database to the current
// schema.prisma. Their catalogs are then compared: tables, columns (type, nullability, default),
// enums and their values, indexes and constraints.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { closeSchemaEngine, diffSchemas, isEmptyScript } from "../../lib/db/schema-engine";
import { createScratchDatabase, unavailableReason, type ScratchDatabase } from "../support/db";

const skip = await unavailableReason();
const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Catalog = Record<"tables" | "columns" | "enums" | "indexes" | "constraints", string[]>;

/** The public schema's shape as sorted lines, Prisma's bookkeeping table left out. */
async function catalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((row) => row.line).sort();
  try {
    return {
      tables: await lines(`SELECT table_name AS line FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      columns: await lines(`SELECT concat_ws(' | ', table_name, column_name, data_type, udt_name, is_nullable,
          coalesce(column_default, '-'), coalesce(character_maximum_length::text, '-'),
          coalesce(numeric_precision::text, '-'), coalesce(datetime_precision::text, '-')) AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      enums: await lines(`SELECT t.typname || ' = ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
      indexes: await lines(`SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await lines(`SELECT concat_ws(' | ', c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid)) AS line
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`),
    };
  } finally {
    await client.end();
  }
}

describe.skipIf(skip)("schema.prisma and the migrations", () => {
  const schema = readFileSync(schemaPath, "utf8");
  const dbs: ScratchDatabase[] = [];
  let fromMigrations: Catalog;
  let fromSchema: Catalog;

  beforeAll(async () => {
    const [a, b] = [await createScratchDatabase(), await createScratchDatabase()];
    dbs.push(a, b);
    await migrate(a.url);
    await run(b.url, await diffSchemas(null, schema));
    fromMigrations = await catalog(a.url);
    fromSchema = await catalog(b.url);
  });

  afterAll(async () => {
    await closeSchemaEngine();
    for (const db of dbs) await db.drop();
  });

  it("build the same tables, columns, enums, indexes and constraints", () => {
    expect(fromMigrations.tables.length).toBeGreaterThan(10);
    expect(fromMigrations.columns.length).toBeGreaterThan(100);
    // Per category, so a failure names what differs ("npm run db:migration -- NAME" writes the fix).
    expect(fromMigrations.tables).toEqual(fromSchema.tables);
    expect(fromMigrations.enums).toEqual(fromSchema.enums);
    expect(fromMigrations.columns).toEqual(fromSchema.columns);
    expect(fromMigrations.indexes).toEqual(fromSchema.indexes);
    expect(fromMigrations.constraints).toEqual(fromSchema.constraints);
  });

  it("the comparison notices a schema edited without a migration", async () => {
    const edited = schema.replace(/model Course \{\n/, "model Course {\n  archivedAt DateTime?\n");
    expect(edited).not.toBe(schema);
    const db = await createScratchDatabase();
    dbs.push(db);
    await run(db.url, await diffSchemas(null, edited));
    const drifted = await catalog(db.url);
    expect(drifted.columns).not.toEqual(fromMigrations.columns);
    expect(drifted.columns.filter((line) => !fromMigrations.columns.includes(line))).toEqual([
      "Course | archivedAt | timestamp without time zone | timestamp | YES | - | - | - | 3",
    ]);
  });

  it("the engine sees nothing to migrate between the schema and itself", async () => {
    expect(isEmptyScript(await diffSchemas(schema, schema))).toBe(true);
  });
});
