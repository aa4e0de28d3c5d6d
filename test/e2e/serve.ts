// The server the browser tests run against (started by playwright.config.ts as its webServer):
// `scripts/start.ts demo` with HEAPWISE_DEMO_SERVER=start, i.e. a production build (`next build`,
// then `next start`) on PORT, migrated and seeded, on a fresh embedded database in a temp folder,
// or on DATABASE_URL when that is set. Open instructor sign-up is on, as in every demo.
// This wrapper adds what a test run needs beyond the demo: the temp data folder, removed when
// Playwright stops the server, and a lock: two runs at once in one checkout would build over each
// other's `.next` while the other serves from it, so a run holds a lock (a directory, created
// atomically) from build to shutdown; a second run waits, and takes over a lock whose holder died.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

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
let server: ChildProcess | undefined;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// Playwright signals the whole process group, so start.ts gets the signal too and shuts Next and
// the embedded database down itself; this waits for it, then removes the folder and the lock.
let stopping: Promise<never> | undefined;
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server?.once("exit", resolve));
    }
    rmSync(work, { recursive: true, force: true });
    if (locked) rmSync(lock, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

await acquireLock();
server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts"), "demo"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    HEAPWISE_DATA_DIR: work, // the embedded database and the demo's auth secret live here
    HEAPWISE_DEMO_SERVER: "start",
    HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "true",
    HEAPWISE_IGNORE_DOTENV: "1",
  },
});
server.on("exit", (code) => void stop(code ?? 1));
