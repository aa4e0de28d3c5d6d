// SQL from a Prisma schema, offline: Prisma's schema engine compiled to WASM
// (`@prisma/schema-engine-wasm`, the build Prisma 6.19 drives with `engine: "js"`), called directly.
// Development tooling only (`npm run db:migration`, the schema/migrations agreement test); the app
// never imports it, and it needs the devDependencies.
//
// Two quirks, found by trying: the engine validates the schema with the Prisma 6 rules, which want
// a `url` in the datasource block (Prisma 7 moved it to prisma.config.ts), so one is added to the
// text it is given; and it opens its driver adapter's connection when it starts, even for a diff
// that reads no database, so it gets a throwaway in-memory PGlite of its own.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { startEmbedded } from "./embedded";

type SchemaEngine = Awaited<ReturnType<typeof wasmBindings.SchemaEngine.new>>;

let loaded = false;

// The package's entry imports the .wasm file as an ES module, which Node cannot do; so the module is
// instantiated here the way Prisma's CLI does it, and handed to the JS glue.
function loadWasm(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const wasmFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const module = new WebAssembly.Module(readFileSync(wasmFile));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": { ...wasmBindings } });
  wasmBindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  loaded = true;
}

/** The schema as the WASM engine accepts it: with a placeholder datasource url it never uses. */
export function forEngine(schema: string): string {
  if (/datasource\s+\w+\s*\{[^}]*\burl\s*=/.test(schema)) return schema;
  return schema.replace(/datasource\s+(\w+)\s*\{/, (match) => `${match}\n  url = "postgresql://offline@127.0.0.1/offline"`);
}

const FILTERS = { externalTables: [], externalEnums: [] };

type Session = { engine: SchemaEngine; stop(): Promise<void> };
let session: Promise<Session> | undefined;

// One engine and its scratch database per process: starting PGlite costs seconds, and a diff
// never writes to the database, so consecutive diffs can share them. closeSchemaEngine() ends it.
async function open(): Promise<Session> {
  loadWasm();
  const scratch = await startEmbedded({ dataDir: "memory" });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: scratch.url, max: 1 }));
    // The datamodel given here is only the engine's starting point; each diff names its own.
    const engine = await wasmBindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
    return {
      engine,
      async stop() {
        engine.free();
        await scratch.stop();
      },
    };
  } catch (error) {
    await scratch.stop();
    throw error;
  }
}

/**
 * The SQL script that takes a database from `from` (a schema, or null: empty) to `to`: what
 * `prisma migrate diff --from-schema-datamodel A --to-schema-datamodel B --script` prints.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  session ??= open();
  const { engine } = await session;
  const target = (schema: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content: forEngine(schema) }] });
  const result = await engine.diff({
    from: from === null ? { tag: "empty" } : target(from),
    to: target(to),
    shadowDatabaseUrl: null,
    script: true,
    exitCode: null,
    filters: FILTERS,
  });
  return result.stdout ?? "";
}

/** Frees the engine and stops its scratch database (so a script can exit). */
export async function closeSchemaEngine(): Promise<void> {
  const current = session;
  session = undefined;
  if (current) await (await current).stop();
}

/** True when a diff script has no statement (only comments, or Prisma's "empty migration" line). */
export function isEmptyScript(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
