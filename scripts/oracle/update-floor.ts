/**
 * Raises test/sim/coverage-floor.json to the matched counts of a fresh agreement run:
 *   npx tsx scripts/oracle/update-floor.ts
 * (the same as `UPDATE_FLOOR=1 npx vitest run test/sim/oracle.test.ts`).
 */
import { spawnSync } from "node:child_process";

const r = spawnSync("npx", ["vitest", "run", "test/sim/oracle.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, UPDATE_FLOOR: "1" },
});
process.exit(r.status ?? 1);
