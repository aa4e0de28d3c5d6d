// Browser tests with Debian's Chromium (no browser download: these machines have no internet).
// The app under test is a production build started by test/e2e/serve.ts on a free port, on a
// fresh embedded database in a temp folder, or on DATABASE_URL when that is set. Setting
// E2E_BASE_URL instead tests a server that is already running.
import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

// The config is evaluated again in each worker; the first evaluation's port reaches the workers
// through the environment they inherit.
function freePort(): string {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
}

const external = process.env.E2E_BASE_URL;
process.env.HEAPWISE_E2E_PORT ??= external ? "0" : freePort();
const baseURL = external ?? `http://localhost:${process.env.HEAPWISE_E2E_PORT}`;
// Playwright empties its outputDir when a run starts; a folder per run keeps a second run in this
// checkout from deleting the traces of one still going.
process.env.HEAPWISE_E2E_RUN ??= `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`;

export default defineConfig({
  testDir: "test/e2e",
  outputDir: `test-results/e2e/${process.env.HEAPWISE_E2E_RUN}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores run the server and the browser; two workers keep both busy without starving either.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // scripts/test.ts reads the JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) to count tests.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: external
    ? undefined
    : {
        command: "node --import tsx test/e2e/serve.ts",
        url: `${baseURL}/api/health`,
        // A production build takes 30-90 s here, the embedded database ~10 s more; another
        // run in the same checkout is waited for (see serve.ts).
        timeout: 600_000,
        reuseExistingServer: false,
        // SIGTERM lets serve.ts stop the embedded database and delete its temp folder.
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        stdout: "pipe",
        stderr: "pipe",
        env: { PORT: process.env.HEAPWISE_E2E_PORT },
      },
});
