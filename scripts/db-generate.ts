// `npm run db:generate` (also the project's postinstall): writes the Prisma client to lib/db/generated.
//
// `prisma generate` never runs the native schema engine, but Prisma 7 still tries to download it
// first and fails on a machine with no internet. Naming any existing file in
// PRISMA_SCHEMA_ENGINE_BINARY skips the download (verified in ../shared/notes/prisma-offline.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
// The CLI by path, not `npx prisma`: another package's `prisma` bin could shadow it.
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");

const result = spawnSync(process.execPath, [cli, "generate"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? cli, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
