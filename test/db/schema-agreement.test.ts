// schema.prisma and prisma/migrations must describe the same database: someone who edits the
// schema without adding a migration (npm run db:migration -- NAME) fails here.
//
// Database A is built by applying the committed migrations; database B by running the SQL that
// Prisma's schema engine (WASM, offline) generates from an empty database to the current
// schema.prisma. Their catalogs are then compared: tables, columns (type, nullability, default),
// enums and their values, indexes and constraints.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogDifferences, readCatalog as catalog, runScript as run, type Catalog } from "../../lib/db/catalog";
import { migrate } from "../../lib/db/migrate";
import { closeSchemaEngine, diffSchemas, isEmptyScript } from "../../lib/db/schema-engine";
import { createScratchDatabase, unavailableReason, type ScratchDatabase } from "../support/db";

const skip = await unavailableReason();
const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

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
    expect(catalogDifferences(fromMigrations, fromSchema)).toEqual([]);
  });

  it("the comparison notices a schema edited without a migration", async () => {
    const edited = schema.replace(/model Course \{\n/, "model Course {\n  driftProbe Int?\n");
    expect(edited).not.toBe(schema);
    const db = await createScratchDatabase();
    dbs.push(db);
    await run(db.url, await diffSchemas(null, edited));
    const drifted = await catalog(db.url);
    expect(drifted.columns).not.toEqual(fromMigrations.columns);
    expect(catalogDifferences(fromMigrations, drifted)).toEqual([
      "columns: only in the second: Course | driftProbe | integer | int4 | YES | - | - | 32 | -",
    ]);
    expect(drifted.columns.filter((line) => !fromMigrations.columns.includes(line))).toEqual([
      "Course | driftProbe | integer | int4 | YES | - | - | 32 | -",
    ]);
  });

  it("the engine sees nothing to migrate between the schema and itself", async () => {
    expect(isEmptyScript(await diffSchemas(schema, schema))).toBe(true);
  });
});
