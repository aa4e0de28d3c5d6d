// `npm run bank:sync`: imports content/questions into the database named by DATABASE_URL.
// Prints one JSON line (created / new versions / unchanged) so scripts can read it.
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { syncBank } from "./sync";

try {
  const report = await syncBank(getPrisma());
  console.log(JSON.stringify({ created: report.created.length, versioned: report.versioned, unchanged: report.unchanged }));
} catch (error) {
  console.error(`bank:sync failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
}
