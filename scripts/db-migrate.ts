// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database
// in .data/pglite when it is unset. (`npm run demo` and `npm start` also do this at every start.)
import path from "node:path";
import { startEmbedded, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate, MigrationError } from "../lib/db/migrate";
import { defaultDataDir } from "../lib/env";

const explicit = process.env.DATABASE_URL?.trim();
let embedded: EmbeddedDatabase | undefined;
try {
  let url = explicit;
  if (!url) {
    const dataDir = path.join(process.env.HEAPWISE_DATA_DIR ? path.resolve(process.env.HEAPWISE_DATA_DIR) : defaultDataDir(), "pglite");
    console.log(`[heapwise] DATABASE_URL is not set: migrating the embedded database in ${dataDir}`);
    embedded = await startEmbedded({ dataDir });
    url = embedded.url;
  }
  const result = await migrate(url, { log: (line) => console.log(`[heapwise] ${line}`) });
  console.log(`[heapwise] ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
  if (result.unknown.length > 0) console.log(`[heapwise] warning: the database has migrations this code does not know: ${result.unknown.join(", ")}`);
} catch (error) {
  console.error(`[heapwise] ${error instanceof MigrationError ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
