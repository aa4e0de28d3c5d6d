// The server the browser tests run against (started by playwright.config.ts as its webServer):
// `scripts/start.ts demo` with HEAPWISE_DEMO_SERVER=start, i.e. a production build (`next build`,
// then the production server, scripts/server.ts) on PORT, migrated and seeded, on a fresh
// embedded database in a temp folder,
// or on DATABASE_URL when that is set. Open instructor sign-up is on, as in every demo.
// This wrapper adds what a test run needs beyond the demo: the temp data folder, removed when
// Playwright stops the server, and a lock: two runs at once in one checkout would build over each
// other's `.next` while the other serves from it, so a run holds a lock (a directory, created
// atomically) from build to shutdown; a second run waits, and takes over a lock whose holder died.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { acquireBuildLock, type BuildLock } from "../../scripts/build-lock";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.PORT;
if (!port) throw new Error("serve.ts needs PORT (playwright.config.ts picks a free one).");

let lock: BuildLock | undefined;

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
    lock?.release();
    process.exit(code);
  })();
  return stopping;
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

lock = await acquireBuildLock(root, (pid) => console.log(`[e2e] waiting for another end-to-end run (pid ${pid}) in this checkout to finish`));
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
    // The tests play the reverse proxy: they send X-Forwarded-For to stand for different client
    // addresses (sessions.spec.ts). Without this the server uses the socket's address, as it must
    // when nothing in front writes the header (lib/server/client-address.test.ts).
    HEAPWISE_TRUST_PROXY: "1",
  },
});
server.on("exit", (code) => void stop(code ?? 1));
