// `npm run db:migration -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql for the
// changes made to prisma/schema.prisma since the last commit, offline (see prisma/README.md).
//
// Prisma's `migrate dev` needs the native engine, and the WASM engine cannot read a live database
// here (it fails to introspect PostgreSQL's `name` and `"char"` columns), so the starting point is
// the schema as committed at HEAD. It is checked first: the committed migrations and that schema
// must build the same database, or the new migration would repeat or miss changes. The result is
// checked too: migrations plus the new one must build what the current schema describes.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { catalogDifferences, readCatalog, runScript, type Catalog } from "../lib/db/catalog";
import { startEmbedded } from "../lib/db/embedded";
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from "../lib/db/migrate";
import { closeSchemaEngine, diffSchemas, isEmptyScript } from "../lib/db/schema-engine";

const root = path.resolve(import.meta.dirname, "..");
const schemaFile = path.join(root, "prisma", "schema.prisma");

function fail(message: string): never {
  console.error(`[heapwise] ${message}`);
  process.exit(1);
}

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) fail("Usage: npm run db:migration -- NAME   (e.g. add_course_archive)");

const git = spawnSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
if (git.status !== 0) fail(`Cannot read the committed schema (git show HEAD:prisma/schema.prisma): ${git.stderr.trim()}`);
const committed = git.stdout;
const current = readFileSync(schemaFile, "utf8");

/** The catalog of a fresh in-memory database after `prepare`. */
async function build(prepare: (url: string) => Promise<unknown>): Promise<Catalog> {
  const db = await startEmbedded({ dataDir: "memory" });
  try {
    await prepare(db.url);
    return await readCatalog(db.url);
  } finally {
    await db.stop();
  }
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

try {
  const sql = await diffSchemas(committed, current);
  if (isEmptyScript(sql)) {
    console.log("[heapwise] prisma/schema.prisma has no changes since HEAD: no migration written.");
    process.exit(0);
  }

  const fromMigrations = await build((url) => migrate(url));
  const fromCommitted = await build(async (url) => runScript(url, await diffSchemas(null, committed)));
  const drift = catalogDifferences(fromMigrations, fromCommitted);
  if (drift.length > 0) {
    fail(
      "The committed schema.prisma and prisma/migrations disagree, so a diff from HEAD would be wrong.\n" +
        "(A previous migration not committed yet? Commit it together with its schema first.)\n" +
        drift.slice(0, 15).map((line) => `  ${line.replace("first", "migrations").replace("second", "HEAD schema")}`).join("\n"),
    );
  }

  // After the last migration's timestamp, even if clocks disagree.
  const last = readMigrations().at(-1)?.name.slice(0, 14) ?? "0";
  let stamp = utcStamp(new Date());
  if (stamp <= last) stamp = String(BigInt(last) + 1n);
  const folder = path.join(DEFAULT_MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, "migration.sql"), sql);

  const withNew = await build((url) => migrate(url));
  const wanted = await build(async (url) => runScript(url, await diffSchemas(null, current)));
  const left = catalogDifferences(withNew, wanted);
  if (left.length > 0) fail(`Wrote ${path.relative(root, folder)}, but it does not reach the schema:\n${left.map((l) => `  ${l}`).join("\n")}`);

  console.log(`[heapwise] wrote ${path.relative(root, path.join(folder, "migration.sql"))}:\n\n${sql}`);
  console.log("[heapwise] Review it (data-loss warnings appear as comments), then commit it together with prisma/schema.prisma.");
} finally {
  await closeSchemaEngine();
}
