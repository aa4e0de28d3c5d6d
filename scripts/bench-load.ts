/**
 * npm run bench:load [-- --students 64 --duration 20 --skip-restart]
 *
 * The attempt API under load, end to end, on a PostgreSQL of its own:
 *   1. starts a scratch PostgreSQL cluster (lib/db/scratch-cluster.ts: initdb in a temp folder, a
 *      free port; the shared :5432 server is never touched), migrates it, syncs the bank, creates
 *      N students with Bearer API tokens enrolled in one published homework;
 *   2. builds the app unless `.next` is newer than every source file, and runs the production
 *      server (scripts/start.ts production, i.e. scripts/server.ts: lib/server in front of Next)
 *      on that database. It holds the e2e build lock of this
 *      checkout (test/e2e/serve.ts) from build to shutdown, so no test run rebuilds under it;
 *   3. steady phase: for --duration seconds each student POSTs /api/attempts with a fresh
 *      idempotency key per submission (a choice and an output question in turn), one request in
 *      flight per student, each student on its own keep-alive connection (./load-client.ts: a
 *      plain HTTP/1.1 client as load tools use, since fetch's CPU per request was taken from the
 *      server under test on a small machine; every request is still a whole HTTP request with its
 *      own Bearer token, body and key); throughput and p50/p99 latency of acknowledged (200) submissions, and
 *      the CPU time per acknowledged attempt of the app server's and PostgreSQL's processes (a
 *      measure that holds on a shared machine, where the rate depends on what else runs);
 *   4. the raw PostgreSQL single-row INSERT rate in the same cluster at the same concurrency
 *      (pgbench with a custom script, N clients, 5 s), and the ratio;
 *   5. restart phase (unless --skip-restart): the same load, with `pg_ctl restart -m fast` at
 *      half time. Clients retry a 503 with the same idempotency key until acknowledged;
 *      /api/health is polled every 50 ms to time the outage and the recovery;
 *   6. counts rows: every acknowledged submission stored exactly once (lost: acknowledged but
 *      missing; duplicated: one key stored more than once), per phase.
 * Last line, one JSON object:
 *   {"students":N,"attemptsPerSec":..,"p50Ms":..,"p99Ms":..,"rawInsertsPerSec":..,"ratio":..,"lost":0,"duplicated":0,
 *    "restart":{"errors503":..,"lost":0,"duplicated":0,"recoveredMs":..}}
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { acquireBuildLock, type BuildLock } from "./build-lock";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { z } from "zod";
import { generateToken, hashToken, tokenPrefix } from "../lib/auth/tokens";
import { syncBank } from "../lib/bank/sync";
import { createPrisma } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { freePort, postgresBinDir, startScratchCluster, type ScratchCluster } from "../lib/db/scratch-cluster";
import { HttpConnection } from "./load-client";

const root = path.resolve(import.meta.dirname, "..");
const execFileP = promisify(execFile);

const Args = z.object({
  students: z.coerce.number().int().min(1).max(1000).default(64),
  duration: z.coerce.number().positive().max(600).default(20),
  skipRestart: z.boolean().default(false),
  /** The server's DATABASE_POOL_MAX; unset: the app's default (10). */
  pool: z.coerce.number().int().min(1).max(500).optional(),
});
const { values } = parseArgs({
  options: { students: { type: "string" }, duration: { type: "string" }, "skip-restart": { type: "boolean" }, pool: { type: "string" } },
  allowPositionals: true,
});
const args = Args.parse({ students: values.students, duration: values.duration, skipRestart: values["skip-restart"], pool: values.pool });
// HEAPWISE_BENCH_PROFILE=<dir>: run the server (scripts/server.ts) directly under --cpu-prof (written there on exit).
const profileDir = process.env.HEAPWISE_BENCH_PROFILE;

function log(line: string): void {
  console.log(`[bench:load] ${line}`);
}

// The e2e build lock (scripts/build-lock.ts): this bench builds and serves from the same `.next`.
let lock: BuildLock | undefined;

// ---------- build ----------
/** The newest modification time of the files a build is made from (tracked and untracked, not ignored). */
async function newestSource(): Promise<number> {
  const { stdout } = await execFileP("git", ["ls-files", "-co", "--exclude-standard", "--", "app", "lib", "content", "components", "public", "next.config.mjs", "package.json", "tsconfig.json", "postcss.config.mjs", "mdx-components.tsx", "proxy.ts", "middleware.ts"], { cwd: root, maxBuffer: 64 << 20 });
  let newest = 0;
  for (const file of stdout.split("\n")) {
    if (!file) continue;
    try {
      newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
    } catch {
      // deleted in the working tree
    }
  }
  return newest;
}

async function ensureBuild(): Promise<void> {
  let built = 0;
  try {
    built = statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    // no build yet
  }
  const newest = await newestSource();
  if (built > newest) {
    log("reusing the production build in .next (newer than every source file)");
    return;
  }
  log(built ? "sources changed since the last build: next build…" : "no production build: next build…");
  const started = performance.now();
  let output = "";
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`);
  log(`built in ${Math.round((performance.now() - started) / 1000)} s`);
}

// ---------- data ----------
type Student = { id: string; token: string };
type Fixture = { assessmentId: string; questions: { id: string; answer: unknown }[]; students: Student[] };

async function seed(url: string): Promise<Fixture> {
  const prisma = createPrisma({ url, poolMax: 4 });
  try {
    await syncBank(prisma);
    const owner = await prisma.user.create({ data: { email: "owner@bench-load.test", name: "Bench Owner", passwordHash: "x", role: "INSTRUCTOR" } });
    const course = await prisma.course.create({ data: { title: "Load bench", ownerId: owner.id, joinCode: "BENCHLOAD" } });
    const students: Student[] = [];
    for (let i = 0; i < args.students; i++) {
      const user = await prisma.user.create({ data: { email: `s${i}@bench-load.test`, name: `Student ${i}`, passwordHash: "x", role: "STUDENT" } });
      await prisma.enrolment.create({ data: { courseId: course.id, userId: user.id, role: "STUDENT" } });
      const token = generateToken();
      await prisma.apiToken.create({ data: { userId: user.id, name: "bench", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
      students.push({ id: user.id, token });
    }
    const now = Date.now();
    const assessment = await prisma.assessment.create({
      data: { courseId: course.id, title: "Load bench homework", kind: "HOMEWORK", opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 86_400_000), publishedAt: new Date(now - 3_600_000) },
    });
    // A choice question (key without simulation) and an output question (each attempt is a new
    // seed; its key is simulated once per distinct program, lib/attempts/keys.ts: alias-append
    // renders 900, so early in a run most output attempts simulate and later ones hit the cache).
    const picks = [
      { slug: "what-assignment-does", answer: { kind: "choice", choice: 0 } },
      { slug: "alias-append", answer: { kind: "output", value: "[1, 2, 3]\n3" } },
    ];
    const questions = [];
    for (const [i, p] of picks.entries()) {
      const q = await prisma.question.findFirstOrThrow({ where: { slug: p.slug, courseId: null } });
      await prisma.assessmentQuestion.create({ data: { assessmentId: assessment.id, questionId: q.id, position: i + 1 } });
      questions.push({ id: q.id, answer: p.answer });
    }
    return { assessmentId: assessment.id, questions, students };
  } finally {
    await prisma.$disconnect();
  }
}

// ---------- server ----------
async function startServer(url: string, port: number): Promise<ChildProcess> {
  const command = profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", path.join(root, "scripts/server.ts")]
    : ["--import", "tsx", path.join(root, "scripts/start.ts"), "production"];
  const child = spawn(process.execPath, command, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      // The bench's clients are N processes' worth of students in one: the app's own pool size
      // (10) stays, the per-user rate limit is widened as a load test's environment would.
      NEXTAUTH_SECRET: randomUUID() + randomUUID(),
      PORT: String(port),
      HEAPWISE_ATTEMPT_BURST: "1000000",
      HEAPWISE_ATTEMPT_RATE: "1000000",
      HEAPWISE_IGNORE_DOTENV: "1",
      HEAPWISE_MODE: "production",
      NODE_ENV: "production",
      ...(args.pool ? { DATABASE_POOL_MAX: String(args.pool) } : {}),
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not answer /api/health within 120 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---------- load ----------
type Phase = {
  acked: Map<string, string>; // idempotencyKey -> userId
  latencies: number[];
  statuses: Map<number, number>;
  errors503: number;
  other: string[];
  seconds: number;
};

function body(fixture: Fixture, n: number, student: number, key: string) {
  const q = fixture.questions[(n + student) % fixture.questions.length];
  return JSON.stringify({ assessmentId: fixture.assessmentId, questionId: q.id, answer: q.answer, idempotencyKey: key });
}

/**
 * Each student submits, one request in flight on its own keep-alive connection
 * (./load-client.ts), until `seconds` pass. A 503 (or a dropped connection) is retried with the
 * same key after 50 ms until acknowledged, even past the end.
 */
async function load(base: URL, fixture: Fixture, seconds: number, midway?: () => Promise<void>): Promise<Phase> {
  const phase: Phase = { acked: new Map(), latencies: [], statuses: new Map(), errors503: 0, other: [], seconds: 0 };
  const started = performance.now();
  const endAt = started + seconds * 1000;
  const mid = midway ? (async () => {
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
    await midway();
  })() : Promise.resolve();
  await Promise.all(
    fixture.students.map(async (s, i) => {
      const connection = new HttpConnection(base.hostname, Number(base.port));
      const head = `POST /api/attempts HTTP/1.1\r\nhost: ${base.host}\r\nauthorization: Bearer ${s.token}\r\ncontent-type: application/json`;
      try {
        for (let n = 0; performance.now() < endAt; n++) {
          const key = `bench-${randomUUID()}`;
          const payload = body(fixture, n, i, key);
          for (let tries = 0; ; tries++) {
            const t = performance.now();
            let status = 0;
            let reply: Buffer | undefined;
            let failure = "";
            try {
              ({ status, body: reply } = await connection.request(head, payload));
            } catch (error) {
              failure = (error as Error).message;
            }
            const ms = performance.now() - t;
            phase.statuses.set(status, (phase.statuses.get(status) ?? 0) + 1);
            if (status === 200) {
              phase.acked.set(key, s.id);
              if (tries === 0) phase.latencies.push(ms);
              break;
            }
            const text = reply ? reply.toString("utf8", 0, Math.min(reply.length, 800)) : failure;
            if (status === 503) phase.errors503++;
            else if (status !== 0) phase.other.push(`${status} ${text.slice(0, 200)}`);
            if (tries > 600) throw new Error(`student ${i}: never acknowledged after ${tries} tries: ${status} ${text.slice(0, 200)}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      } finally {
        connection.close();
      }
    }),
  );
  phase.seconds = (performance.now() - started) / 1000;
  await mid;
  return phase;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/** lost: acknowledged keys with no row; duplicated: keys stored more than once (and rows per key). */
async function countRows(url: string, assessmentId: string, acked: Map<string, string>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ userId: string; idempotencyKey: string; n: number }>(
      `SELECT "userId", "idempotencyKey", count(*)::int AS n FROM "Attempt" WHERE "assessmentId" = $1 GROUP BY 1, 2`,
      [assessmentId],
    );
    const stored = new Map(r.rows.map((row) => [`${row.userId}\u0000${row.idempotencyKey}`, row.n]));
    let lost = 0;
    let duplicated = 0;
    for (const [key, userId] of acked) {
      const n = stored.get(`${userId}\u0000${key}`) ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated++;
    }
    return { lost, duplicated, rows: r.rows.reduce((a, row) => a + row.n, 0) };
  } finally {
    await client.end();
  }
}

// ---------- CPU accounting ----------
// CPU seconds (user + system) of a process and all its descendants, from /proc (Linux; 0
// elsewhere). Per acknowledged attempt, it says where the time goes whatever else runs on the
// machine: the app server's processes, PostgreSQL's (postmaster and backends).
function treeCpuSeconds(rootPid: number | undefined): number {
  if (!rootPid) return 0;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of entries) {
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      // fields[1] = ppid; fields[11], [12] = utime, stime (fields 14, 15 of proc(5)).
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // exited meanwhile
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, st] of stats) children.set(st.ppid, [...(children.get(st.ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / 100; // USER_HZ
}

function postmasterPid(cluster: ScratchCluster): number | undefined {
  try {
    return Number(readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  } catch {
    return undefined;
  }
}

// ---------- raw inserts ----------
async function rawInsertRate(cluster: ScratchCluster, url: string, clients: number): Promise<number> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, k text NOT NULL, payload jsonb NOT NULL, at timestamp(3) NOT NULL DEFAULT now())`);
  await setup.end();
  const bin = postgresBinDir();
  const pgbench = bin && [path.join(bin, "pgbench"), "/usr/bin/pgbench"].find((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
  const seconds = 5;
  if (pgbench) {
    const script = path.join(tmpdir(), `heapwise-bench-insert-${process.pid}.sql`);
    writeFileSync(script, `INSERT INTO bench_raw (k, payload) VALUES (md5(random()::text), '{"kind":"choice","choice":0}');\n`);
    try {
      const db = new URL(url).pathname.slice(1);
      const { stdout } = await execFileP(pgbench, ["-n", "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", script, db], { maxBuffer: 16 << 20 });
      const m = /tps = ([\d.]+)/.exec(stdout);
      if (!m) throw new Error(`pgbench printed no tps: ${stdout}`);
      log(`raw INSERT: pgbench, ${clients} clients, ${seconds} s`);
      return Number(m[1]);
    } finally {
      rmSync(script, { force: true });
    }
  }
  // No pgbench: the same statement from N node-postgres connections.
  const pool = Array.from({ length: clients }, () => new pg.Client({ connectionString: url }));
  await Promise.all(pool.map((c) => c.connect()));
  let count = 0;
  const endAt = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    pool.map(async (c) => {
      while (performance.now() < endAt) {
        await c.query(`INSERT INTO bench_raw (k, payload) VALUES ($1, $2)`, [randomUUID(), { kind: "choice", choice: 0 }]);
        count++;
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  await Promise.all(pool.map((c) => c.end()));
  log(`raw INSERT: node-postgres loop, ${clients} connections, ${seconds} s`);
  return rate;
}

// ---------- health during the restart ----------
type HealthLog = { at: number; ok: boolean; body: string }[];
function pollHealth(base: string): { stop: () => Promise<HealthLog> } {
  const entries: HealthLog = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      try {
        const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3_000) });
        entries.push({ at, ok: r.status === 200, body: (await r.text()).slice(0, 200) });
      } catch (error) {
        entries.push({ at, ok: false, body: `no answer: ${(error as Error).message}` });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return entries;
    },
  };
}

function summary(name: string, phase: Phase): { attemptsPerSec: number; p50Ms: number; p99Ms: number } {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const attemptsPerSec = Math.round((phase.acked.size / phase.seconds) * 10) / 10;
  const out = { attemptsPerSec, p50Ms: pct(sorted, 50), p99Ms: pct(sorted, 99) };
  log(`${name}: ${phase.acked.size} acknowledged in ${phase.seconds.toFixed(1)} s = ${attemptsPerSec}/s; p50 ${out.p50Ms} ms, p99 ${out.p99Ms} ms, max ${pct(sorted, 100)} ms; statuses ${JSON.stringify(Object.fromEntries(phase.statuses))}`);
  for (const line of [...new Set(phase.other)].slice(0, 5)) log(`  unexpected answer: ${line}`);
  return out;
}

// ---------- main ----------
let cluster: ScratchCluster | undefined;
let server: ChildProcess | undefined;
async function cleanup(): Promise<void> {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  lock?.release();
  await cluster?.stop();
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
process.on("SIGTERM", () => void cleanup().then(() => process.exit(143)));

try {
  cluster = await startScratchCluster({ maxConnections: Math.max(200, args.students * 2 + 50), log });
  const url = cluster.adminUrl.replace(/\/postgres$/, "/heapwise");
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE heapwise");
  await admin.end();
  await migrate(url, { log: () => undefined });
  const fixture = await seed(url);
  log(`${args.students} students with API tokens, one published homework of ${fixture.questions.length} questions`);

  lock = await acquireBuildLock(root, (pid) => log(`waiting for the build lock held by pid ${pid} (an e2e run in this checkout)`));
  await ensureBuild();
  const port = await freePort();
  server = await startServer(url, port);
  const base = `http://127.0.0.1:${port}`;
  log(`production server on ${base} (database pool ${args.pool ?? "default (10)"} per process)`);

  // Warm-up: JIT, the grading workers, the connection pool; not counted.
  await load(new URL(base), { ...fixture, students: fixture.students.slice(0, Math.min(8, fixture.students.length)) }, 2);

  // Where the CPU goes on this machine: the bench's own clients share it with the server and
  // PostgreSQL (and, on a shared machine, with everyone else: the load average tells).
  const cpuBefore = process.cpuUsage();
  const serverBefore = treeCpuSeconds(server.pid);
  const postgresBefore = treeCpuSeconds(postmasterPid(cluster));
  const steady = await load(new URL(base), fixture, args.duration);
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = treeCpuSeconds(server.pid) - serverBefore;
  const postgresCpu = treeCpuSeconds(postmasterPid(cluster)) - postgresBefore;
  const steadySummary = summary("steady", steady);
  log(`the bench's clients used ${Math.round(((cpu.user + cpu.system) / 1e6 / steady.seconds) * 100)}% of one core; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
  const perAttempt = (seconds: number) => (steady.acked.size ? ((seconds * 1000) / steady.acked.size).toFixed(2) : "-");
  log(`CPU per acknowledged attempt: app server ${perAttempt(serverCpu)} ms (${Math.round((serverCpu / steady.seconds) * 100)}% of a core), PostgreSQL ${perAttempt(postgresCpu)} ms (${Math.round((postgresCpu / steady.seconds) * 100)}%), the bench's clients ${perAttempt((cpu.user + cpu.system) / 1e6)} ms`);
  const steadyRows = await countRows(url, fixture.assessmentId, steady.acked);

  const rawInsertsPerSec = Math.round(await rawInsertRate(cluster, url, args.students));
  const ratio = Math.round((steadySummary.attemptsPerSec / rawInsertsPerSec) * 1000) / 1000;
  log(`raw INSERT ${rawInsertsPerSec}/s; ratio ${ratio}`);

  let restart: Record<string, number> | undefined;
  if (!args.skipRestart) {
    const health = pollHealth(base);
    let restartAt = 0;
    let restartedAt = 0;
    const phase = await load(new URL(base), fixture, args.duration, async () => {
      log("pg_ctl restart -m fast");
      restartAt = performance.now();
      await cluster?.restart();
      restartedAt = performance.now();
    });
    const entries = await health.stop();
    summary("restart", phase);
    const down = entries.filter((e) => e.at >= restartAt && !e.ok);
    const firstDown = down[0];
    const backUp = firstDown ? entries.find((e) => e.at > firstDown.at && e.ok) : undefined;
    const recoveredMs = backUp ? Math.round(backUp.at - restartAt) : -1;
    log(`restart took ${Math.round(restartedAt - restartAt)} ms; /api/health: ${down.length} failing answers (first: ${firstDown?.body ?? "none"}), ok again ${recoveredMs} ms after the restart began`);
    const rows = await countRows(url, fixture.assessmentId, phase.acked);
    const other = phase.other.length;
    restart = { errors503: phase.errors503, errorsOther: other, healthDown: down.length, lost: rows.lost, duplicated: rows.duplicated, recoveredMs };
  }

  const result = {
    students: args.students,
    attemptsPerSec: steadySummary.attemptsPerSec,
    p50Ms: steadySummary.p50Ms,
    p99Ms: steadySummary.p99Ms,
    rawInsertsPerSec,
    ratio,
    lost: steadyRows.lost,
    duplicated: steadyRows.duplicated,
    ...(restart ? { restart } : {}),
  };
  await cleanup();
  console.log(JSON.stringify(result));
  const failed = result.lost > 0 || result.duplicated > 0 || (restart && (restart.lost > 0 || restart.duplicated > 0 || restart.errorsOther > 0 || restart.recoveredMs < 0)) || steady.other.length > 0;
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(`[bench:load] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanup();
  process.exit(1);
}
