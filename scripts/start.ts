// `npm run demo` and `npm start`: prepare the database, then run Next.
//
//   demo        DATABASE_URL set: that server; unset: the embedded PGlite in .data/pglite, served
//               on a free localhost port by this process. Migrate, seed the demo if the database
//               is empty, print the sign-in details, serve the app on PORT (3000).
//   production  DATABASE_URL and NEXTAUTH_SECRET required. Migrate, serve the build. Seeds nothing.
//
// The server is scripts/server.ts (Next behind lib/server, in dev or production mode). It runs as
// a child process with DATABASE_URL pointing at the database; this process owns the embedded
// database, so Ctrl-C or SIGTERM stops the server first and then closes the database cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { disconnectPrisma } from "../lib/db/client";
import { EMBEDDED_POOL_MAX, startEmbedded, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { readDemoCredentials, seedDemo, type DemoCredentials } from "../lib/db/seed-demo";
import { EnvError, parseEnv, type Env } from "../lib/env";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2] === "production" ? "production" : "demo";
// The demo serves in dev mode unless HEAPWISE_DEMO_SERVER=start (then `next build` and the
// production server).
const demoServer = process.env.HEAPWISE_DEMO_SERVER === "start" ? "start" : "dev";

function log(line: string): void {
  console.log(`[heapwise] ${line}`);
}

function fail(message: string): never {
  console.error(`\n[heapwise] ${message}\n`);
  process.exit(1);
}

function box(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const bar = "─".repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${bar}┘`].join("\n");
}

function printCredentials(env: Env, credentials: DemoCredentials | null, fresh: boolean): void {
  const url = env.nextAuthUrl ?? `http://localhost:${env.port}`;
  const lines = [`Heapwise demo: ${url}`, ""];
  if (credentials) {
    lines.push(fresh ? "Demo accounts (new, passwords random for this data folder):" : "Demo accounts:");
    for (const account of credentials.accounts) {
      lines.push(`  ${account.role.toLowerCase().padEnd(10)} ${account.email.padEnd(26)} ${account.password}`);
    }
    lines.push("", `Course join code: ${credentials.joinCode}`);
  } else {
    lines.push(`The database already had users; no demo credentials are on file in ${env.dataDir}.`);
  }
  lines.push("", `Data: ${env.databaseUrl ? "DATABASE_URL" : path.join(env.dataDir, "pglite")} (delete .data to start over)`, "Stop: Ctrl-C");
  console.log(`\n${box(lines)}\n`);
}

function nextBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin(), ...args], { cwd: root, stdio: "inherit", env });
}

/** The app's server (scripts/server.ts: Next behind lib/server), in dev or production mode by NODE_ENV. */
function serve(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], { cwd: root, stdio: "inherit", env });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<void> {
  // A .env file is a convenience for production hosts; variables already set win.
  // HEAPWISE_IGNORE_DOTENV=1 (tests) sees only the real environment.
  if (process.env.HEAPWISE_IGNORE_DOTENV !== "1" && existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  process.env.HEAPWISE_MODE = mode;

  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  let child: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const exited = waitFor(child);
      // Next normally exits at once; do not let a stuck child keep the database open forever.
      const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (embedded) {
      await embedded.stop();
      log("embedded database closed");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));

  let url = env.databaseUrl;
  let poolMax = env.databasePoolMax;
  if (!url) {
    const dataDir = path.join(env.dataDir, "pglite");
    const shown = path.relative(root, dataDir);
    log(`starting the embedded database in ${shown.startsWith("..") ? dataDir : shown}`);
    try {
      embedded = await startEmbedded({ dataDir });
    } catch (error) {
      fail(`Could not start the embedded database: ${(error as Error).message}`);
    }
    url = embedded.url;
    poolMax = EMBEDDED_POOL_MAX;
  }

  try {
    const result = await migrate(url, { log });
    if (result.applied.length === 0) log(`database schema up to date (${result.alreadyApplied.length} migrations)`);
    if (result.unknown.length > 0) log(`warning: the database has migrations this code does not know: ${result.unknown.join(", ")}`);
  } catch (error) {
    await embedded?.stop();
    fail(`Could not prepare the database: ${(error as Error).message}`);
  }

  if (mode === "demo") {
    // The seed grades its attempts through the app's own submission path, which uses the shared
    // client: point it at this database, and close it before Next opens its own connection.
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_MAX = String(poolMax ?? 10);
    try {
      const seeded = await seedDemo(env.dataDir);
      if (seeded) log("demo data created");
      printCredentials(env, seeded ?? readDemoCredentials(env.dataDir), seeded !== null);
    } catch (error) {
      await disconnectPrisma();
      await embedded?.stop();
      fail(`Could not create the demo data: ${(error as Error).message}`);
    } finally {
      await disconnectPrisma();
    }
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HEAPWISE_MODE: mode,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: env.nextAuthSecret,
    PORT: String(env.port),
    ...(env.nextAuthUrl ? { NEXTAUTH_URL: env.nextAuthUrl } : {}),
    ...(poolMax ? { DATABASE_POOL_MAX: String(poolMax) } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (mode === "production" || demoServer === "start") {
    if (mode === "demo") {
      log("building the app (next build)…");
      const build = run(["build"], { ...childEnv, NODE_ENV: "production" });
      child = build;
      const code = await waitFor(build);
      if (stopping) return;
      if (code !== 0) return shutdown(code);
    } else if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
      await embedded?.stop();
      fail("No production build found. Run `npm run build` first, then `npm start`.");
    }
    child = serve({ ...childEnv, NODE_ENV: "production" });
  } else {
    child = serve({ ...childEnv, NODE_ENV: "development" });
  }
  const code = await waitFor(child);
  await shutdown(code);
}

await main();
