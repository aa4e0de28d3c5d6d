// The server the browser tests run against (started by playwright.config.ts as its webServer):
// a production build (`next build`, then `next start`) on PORT, on a fresh embedded database in
// a temp folder, or on DATABASE_URL when that is set. Migrations are applied first. Open
// instructor sign-up is on, as in the demo. Everything it made is removed when Playwright stops it.
// E2E_SKIP_BUILD=1 reuses the existing .next build (faster reruns while writing tests).
// Two runs at once in one checkout would build over each other's `.next` while the other serves
// from it, so a run holds a lock (a directory, created atomically) from build to shutdown; a
// second run waits for it, and takes over a lock whose holder has died.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EMBEDDED_POOL_MAX, type EmbeddedDatabase, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.PORT;
if (!port) throw new Error("serve.ts needs PORT (playwright.config.ts picks a free one).");

const lock = path.join(tmpdir(), `heapwise-e2e-${createHash("sha256").update(root).digest("hex").slice(0, 12)}.lock`);
let locked = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function acquireLock(): Promise<void> {
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      locked = true;
      return;
    } catch {
      let holder = Number.NaN;
      try {
        holder = Number.parseInt(readFileSync(path.join(lock, "pid"), "utf8"), 10);
      } catch {
        // The holder is between mkdir and writing its pid; look again shortly.
      }
      if (Number.isInteger(holder) && !alive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 30 === 0) console.log(`[e2e] waiting for another end-to-end run (pid ${holder}) in this checkout to finish`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

const work = mkdtempSync(path.join(tmpdir(), "heapwise-e2e-"));
let embedded: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// Playwright signals the whole process group, so `next start` may exit before or after our own
// handler runs; both paths share one cleanup and exit only once it is done.
let stopping: Promise<never> | undefined;
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server?.once("exit", resolve));
    }
    await embedded?.stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
    if (locked) rmSync(lock, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

try {
  await acquireLock();
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbedded({ dataDir: path.join(work, "pglite") });
    url = embedded.url;
  }
  await migrate(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HEAPWISE_MODE: "demo",
    DATABASE_URL: url,
    DATABASE_POOL_MAX: embedded ? String(EMBEDDED_POOL_MAX) : (process.env.DATABASE_POOL_MAX ?? "10"),
    HEAPWISE_DATA_DIR: work, // the demo's generated auth secret lives here, and dies with it
    HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "true",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const started = Date.now();
    const code = await run(["build"], env);
    if (code !== 0) {
      console.error(`[e2e] next build failed (exit ${code})`);
      await stop(1);
    }
    console.log(`[e2e] next build took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], { cwd: root, env, stdio: "inherit" });
  server.on("exit", (code) => void stop(code ?? 1));
} catch (error) {
  console.error("[e2e] could not start the server:", error);
  await stop(1);
}
