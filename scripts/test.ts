// `npm test`: every suite of the project, in one command.
//
// Suites that need something this machine may lack (a PostgreSQL server, Chromium, CPython)
// are skipped with the reason printed, so the command passes on any machine with Node; `.ci/run`
// provides both and sets HEAPWISE_REQUIRE_ALL_SUITES=1, which turns a skipped suite into a failure.
// The last line is the plain total "tests: N passed, N failed, N skipped".
// (Record rather than NodeJS.ProcessEnv: once Next has generated next-env.d.ts, its types make
// NODE_ENV a required key of ProcessEnv, and `next build` type-checks this file too.)
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

type Outcome = { name: string; status: "passed" | "failed" | "skipped"; passed: number; failed: number; skipped: number; note: string; seconds: number };

const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "heapwise-test-"));
const requireAll = process.env.HEAPWISE_REQUIRE_ALL_SUITES === "1";
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function sh(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

async function postgresReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `no PostgreSQL server answers at ${adminUrl.replace(/:[^:@/]*@/, ":***@")} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function vitest(name: string, project: string, env: Record<string, string> = {}): Promise<Outcome> {
  const started = Date.now();
  const report = path.join(work, `${name.replace(/\W+/g, "-")}.json`);
  const code = await sh("npx", ["vitest", "run", "--project", project, "--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    counts.passed = json.numPassedTests;
    counts.failed = json.numFailedTests;
    counts.skipped = json.numPendingTests + json.numTodoTests;
  }
  const failed = code !== 0 || counts.failed > 0;
  return { name, status: failed ? "failed" : "passed", ...counts, failed: failed ? Math.max(counts.failed, 1) : 0, note: failed && counts.failed === 0 ? `vitest exited ${code}` : "", seconds: (Date.now() - started) / 1000 };
}

async function typecheck(): Promise<Outcome> {
  const started = Date.now();
  const code = await sh("npx", ["tsc", "--noEmit", "-p", "."]);
  return { name: "typecheck", status: code === 0 ? "passed" : "failed", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, note: "tsc --noEmit", seconds: (Date.now() - started) / 1000 };
}

async function e2e(name: string, env: Record<string, string>): Promise<Outcome> {
  const started = Date.now();
  const report = path.join(work, `${name.replace(/\W+/g, "-")}.json`);
  const code = await sh("npx", ["playwright", "test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } };
    counts = { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped };
  }
  const failed = code !== 0 || counts.failed > 0;
  return { name, status: failed ? "failed" : "passed", ...counts, failed: failed ? Math.max(counts.failed, 1) : 0, note: "", seconds: (Date.now() - started) / 1000 };
}

// The browser suite against a real PostgreSQL gets a database of its own, dropped afterwards.
async function e2eOnPostgres(): Promise<Outcome> {
  const name = `heapwise_e2e_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await e2e("e2e (Chromium, PostgreSQL)", { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function skipped(name: string, why: string): Outcome {
  return { name, status: "skipped", passed: 0, failed: 0, skipped: 0, note: why, seconds: 0 };
}

const want = (name: string) => only.length === 0 || only.includes(name);
const outcomes: Outcome[] = [];

if (want("typecheck")) outcomes.push(await typecheck());
if (want("unit")) outcomes.push(await vitest("unit", "unit"));
if (want("postgres")) {
  const why = await postgresReason();
  outcomes.push(why ? skipped("integration (PostgreSQL)", why) : await vitest("integration (PostgreSQL)", "integration", { HEAPWISE_TEST_DB: "postgres", TEST_DATABASE_ADMIN_URL: adminUrl }));
}
if (want("embedded")) outcomes.push(await vitest("integration (embedded)", "integration", { HEAPWISE_TEST_DB: "embedded" }));
if (want("e2e")) {
  const noChromium = existsSync(chromium) ? null : `no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  outcomes.push(noChromium ? skipped("e2e (Chromium, embedded)", noChromium) : await e2e("e2e (Chromium, embedded)", { DATABASE_URL: "" }));
  const why = noChromium ?? (await postgresReason());
  outcomes.push(why ? skipped("e2e (Chromium, PostgreSQL)", why) : await e2eOnPostgres());
}

console.log("\nSuites");
for (const o of outcomes) {
  const counts = o.status === "skipped" ? "" : `${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped, ${o.seconds.toFixed(0)} s`;
  console.log(`  ${o.status.toUpperCase().padEnd(8)} ${o.name.padEnd(26)} ${counts}${o.note ? `  (${o.note})` : ""}`);
}
const skippedSuites = outcomes.filter((o) => o.status === "skipped");
if (skippedSuites.length > 0 && requireAll) console.log("  HEAPWISE_REQUIRE_ALL_SUITES=1: a skipped suite fails this run.");
const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), { passed: 0, failed: 0, skipped: 0 });
const ok = outcomes.every((o) => o.status !== "failed") && !(requireAll && skippedSuites.length > 0);
const failedCount = total.failed + (requireAll ? skippedSuites.length : 0);
console.log(`tests: ${total.passed} passed, ${failedCount} failed, ${total.skipped} skipped`);
process.exit(ok ? 0 : 1);
