/**
 * npm run bench:analytics [-- --reps N] [--reseed]
 *
 * The analytics' server work at course scale, on a real PostgreSQL: DATABASE_URL, or the database
 * `heapwise_bench` on 127.0.0.1:5432 (created and migrated here with lib/db/migrate). Seeds, unless
 * already there, one course of 1,000 students, 10 homeworks of 10 slots over 50 questions (two
 * versions each) and 200,000 attempts (two per student and slot), all in SQL with generate_series
 * (no per-row round trips); then VACUUM ANALYZE on every run. Times each dashboard's server work as the median
 * of N runs (after one warm-up run), each page's calls exactly as its page.tsx makes them
 * (app/(app)/instructor/courses/[courseId]/analytics/**):
 *   course      courseDashboard (distributions and heatmap over one counted-points table; progress)
 *   assessment  assessmentOfCourse, then scoreDistribution + itemStats + cronbachAlpha (one homework)
 *   student     studentDrillDown (one student)
 *   regrade     assessmentOfCourse, then regradeQuestions + regradeHistory + courseStudents
 * and the exports (reported apart: a download, not a dashboard; its time grows with the file):
 *   gradesCsv   gradesCsv, fully drained (1,000 rows)
 *   attemptsCsv assessmentAttemptsCsv of one homework (20,000 rows), fully drained
 * Prints a table, then one JSON line (the contract; maxServerMs is over the dashboards):
 *   {"attempts":N,"maxServerMs":..,"pages":{"<name>":ms,...},"exports":{"<name>":ms,...}}
 */
import { register } from "node:module";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import type { Caller } from "../lib/auth/caller";
import { disconnectPrisma } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";

// lib/analytics authorizes through lib/auth, which imports next-auth's Credentials provider (a CJS
// module). Next and vitest hand its default export over; plain Node (tsx) hands over the exports
// object. Outside Next this shim gives Node the same default export, so the bench runs the real
// authorization code unchanged.
const SHIM = "heapwise-shim:next-auth-credentials";
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "next-auth/providers/credentials") return { url: ${JSON.stringify(SHIM)}, shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url !== ${JSON.stringify(SHIM)}) return next(url, context);
  const source = 'import { createRequire } from "node:module";' +
    'const m = createRequire(' + JSON.stringify(${JSON.stringify(import.meta.url)}) + ')("next-auth/providers/credentials");' +
    'export default m.default ?? m;';
  return { format: "module", source, shortCircuit: true };
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
const {
  assessmentAttemptsCsv, courseDashboard, courseScoreDistributions, courseStudents, cronbachAlpha, gradesCsv, itemStats, masteryHeatmap, progressOverTime, scoreDistribution, studentDrillDown,
} = await import("../lib/analytics");
const { assessmentOfCourse } = await import("../lib/analytics/access");
const { regradeHistory, regradeQuestions } = await import("../lib/regrade");

const STUDENTS = 1000;
const ASSESSMENTS = 10;
const SLOTS = 10;
const QUESTIONS = 50;
const TRIES = 2;
const ATTEMPTS = STUDENTS * ASSESSMENTS * SLOTS * TRIES;
const JOIN_CODE = "BENCH-ANALYTICS";
const MECHANISMS = ["names-references-objects", "code-stack-heap", "immutable", "mutable", "refcount", "refcount-costs", "gc", "pooling", "interning", "manual"];

const Args = z.object({ reps: z.coerce.number().int().min(1).max(100).default(5), reseed: z.boolean().default(false) });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Seeds the bench course unless a complete one is there; returns the attempt count. */
async function seed(url: string, reseed: boolean): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ id: string; n: string }>(
      `SELECT c.id, (SELECT count(*) FROM "Attempt" t JOIN "Assessment" a ON a.id = t."assessmentId" WHERE a."courseId" = c.id) AS n
       FROM "Course" c WHERE c."joinCode" = $1`,
      [JOIN_CODE],
    );
    if (existing.rowCount && Number(existing.rows[0].n) === ATTEMPTS && !reseed) {
      console.log(`reusing the bench course (${ATTEMPTS} attempts)`);
      return ATTEMPTS;
    }
    const started = performance.now();
    await client.query("BEGIN");
    // A partial or stale bench course goes first (cascades to its rows); bench users are ours alone.
    await client.query(`DELETE FROM "Course" WHERE "joinCode" = $1`, [JOIN_CODE]);
    await client.query(`DELETE FROM "Question" WHERE slug LIKE 'bench-q%' AND "courseId" IS NULL`);
    await client.query(`DELETE FROM "User" WHERE email LIKE '%@bench.test'`);
    await client.query(`INSERT INTO "User"(id, email, name, "passwordHash", role) VALUES ('bench-owner', 'owner@bench.test', 'Bench Owner', 'x', 'INSTRUCTOR')`);
    await client.query(
      `INSERT INTO "User"(id, email, name, "passwordHash", role)
       SELECT 'bench-u' || lpad(i::text, 4, '0'), 'student' || i || '@bench.test', 'Student ' || i, 'x', 'STUDENT' FROM generate_series(1, $1::int) i`,
      [STUDENTS],
    );
    await client.query(`INSERT INTO "Course"(id, title, "ownerId", "joinCode") VALUES ('bench-course', 'Bench course', 'bench-owner', $1)`, [JOIN_CODE]);
    await client.query(`INSERT INTO "Enrolment"(id, "courseId", "userId", role) SELECT 'bench-e-' || id, 'bench-course', id, 'STUDENT' FROM "User" WHERE email LIKE 'student%@bench.test'`);
    await client.query(
      `INSERT INTO "Question"(id, slug, "courseId", title, mechanism, "currentVersion")
       SELECT 'bench-q' || i, 'bench-q' || i, 'bench-course', 'Bench question ' || i, ($2::text[])[1 + i % 10], 2 FROM generate_series(1, $1::int) i`,
      [QUESTIONS, MECHANISMS],
    );
    await client.query(
      `INSERT INTO "QuestionVersion"(id, "questionId", version, definition)
       SELECT 'bench-q' || i || '-v' || v, 'bench-q' || i, v, jsonb_build_object('slug', 'bench-q' || i, 'version', v)
       FROM generate_series(1, $1::int) i CROSS JOIN generate_series(1, 2) v`,
      [QUESTIONS],
    );
    await client.query(
      `INSERT INTO "Assessment"(id, "courseId", title, kind, "opensAt", "closesAt", "scorePolicy", "publishedAt")
       SELECT 'bench-a' || a, 'bench-course', 'Homework ' || a, 'HOMEWORK', timestamp '2026-02-02' + (a - 1) * interval '7 days',
         timestamp '2026-02-09' + (a - 1) * interval '7 days', CASE WHEN a % 2 = 0 THEN 'LAST' ELSE 'BEST' END::"ScorePolicy", timestamp '2026-02-01'
       FROM generate_series(1, $1::int) a`,
      [ASSESSMENTS],
    );
    await client.query(
      `INSERT INTO "AssessmentQuestion"(id, "assessmentId", "questionId", position, points)
       SELECT 'bench-a' || a || '-s' || p, 'bench-a' || a, 'bench-q' || (1 + ((a - 1) * $2::int + p - 1) % $3::int), p, 1 + p % 3
       FROM generate_series(1, $1::int) a CROSS JOIN generate_series(1, $2::int) p`,
      [ASSESSMENTS, SLOTS, QUESTIONS],
    );
    // One row per (student, slot, try): a student's ability and a slot's difficulty decide how
    // often they are right, so the statistics have structure; a second try on a question's v2.
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `CREATE TEMP TABLE bench_rows ON COMMIT DROP AS
       SELECT u.id AS "userId", u.n, aq.id AS "slotId", aq."assessmentId", aq."questionId", aq.points, aq.position, k,
         aq."questionId" || '-v' || CASE WHEN k = 2 AND u.n % 2 = 0 THEN 2 ELSE 1 END AS "versionId",
         (random() < 0.25 + 0.5 * u.n::float8 / $1 + 0.1 * k - 0.03 * aq.position) AS correct,
         a."opensAt" + (u.n % 97) * interval '1 hour' + k * interval '1 day' + aq.position * interval '1 minute' AS at,
         (5000 + random() * 120000)::int AS "timeMs", (random() * 4)::int AS wrong
       FROM (SELECT id, substr(id, 8)::int AS n FROM "User" WHERE email LIKE 'student%@bench.test') u
       CROSS JOIN "AssessmentQuestion" aq JOIN "Assessment" a ON a.id = aq."assessmentId"
       CROSS JOIN generate_series(1, $2::int) k
       WHERE a."courseId" = 'bench-course'`,
      [STUDENTS, TRIES],
    );
    await client.query(
      `INSERT INTO "Variant"(id, "userId", "questionId", "questionVersionId", "assessmentQuestionId", "attemptNumber", seed, "pythonVersion", "issuedAt")
       SELECT 'bv-' || "userId" || '-' || "slotId" || '-' || k, "userId", "questionId", "versionId", "slotId", k, n * 1000 + position * 10 + k, '3.12', at - interval '2 minutes'
       FROM bench_rows`,
    );
    await client.query(
      `INSERT INTO "Attempt"(id, "userId", "assessmentId", "assessmentQuestionId", "questionId", "questionVersionId", "variantId", seed, "pythonVersion",
         answer, correct, score, points, feedback, misconception, "timeTakenMs", "idempotencyKey", "createdAt", "gradedAt")
       SELECT 'ba-' || "userId" || '-' || "slotId" || '-' || k, "userId", "assessmentId", "slotId", "questionId", "versionId", 'bv-' || "userId" || '-' || "slotId" || '-' || k,
         n * 1000 + position * 10 + k, '3.12',
         jsonb_build_object('kind', 'integer', 'value', CASE WHEN correct THEN 2 ELSE 3 + wrong END),
         correct, CASE WHEN correct THEN 1 ELSE 0 END, CASE WHEN correct THEN points ELSE 0 END,
         jsonb_build_object('summary', CASE WHEN correct THEN 'Correct.' ELSE 'Not quite.' END, 'expected', jsonb_build_object('kind', 'integer', 'value', 2)),
         CASE WHEN correct OR wrong > 1 THEN NULL ELSE ($1::text[])[1 + wrong] END,
         "timeMs", 'bench-' || "userId" || '-' || "slotId" || '-' || k, at, at
       FROM bench_rows`,
      [["forgot-getrefcount-argument", "del-frees-object"]],
    );
    await client.query("COMMIT");
    console.log(`seeded ${ATTEMPTS} attempts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return ATTEMPTS;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const args = Args.parse(parseArgs({ options: { reps: { type: "string" }, reseed: { type: "boolean" } } }).values);
  const url = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/heapwise_bench";
  process.env.DATABASE_URL = url;
  await ensureDatabase(url);
  await migrate(url);
  const attempts = await seed(url, args.reseed);
  // Fresh statistics and visibility map every time (cheap when nothing changed): the planner's
  // estimates, and index-only scans, as a live database's autovacuum would keep them.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`VACUUM (ANALYZE) "Attempt", "Assessment", "AssessmentQuestion", "Question", "Enrolment", "User"`).finally(() => client.end());

  const owner: Caller = { id: "bench-owner", email: "owner@bench.test", name: "Bench Owner", role: "INSTRUCTOR", via: "session" };
  const course = "bench-course";
  const assessment = "bench-a1";
  const student = "bench-u0500";
  const pages: Record<string, () => Promise<unknown>> = {
    course: () => courseDashboard(owner, course),
    assessment: async () => {
      await assessmentOfCourse(owner, course, assessment);
      return Promise.all([scoreDistribution(owner, assessment), itemStats(owner, assessment), cronbachAlpha(owner, assessment)]);
    },
    student: () => studentDrillDown(owner, course, student),
    regrade: async () => {
      await assessmentOfCourse(owner, course, assessment);
      return Promise.all([regradeQuestions(owner, assessment), regradeHistory(owner, assessment), courseStudents(owner, course)]);
    },
  };
  // The exports: their total time to drain, which grows with the file; not dashboards, so apart
  // from maxServerMs (their first line comes after one batch).
  const exports: Record<string, () => Promise<unknown>> = {
    gradesCsv: async () => {
      let lines = 0;
      for await (const _line of gradesCsv(owner, course)) lines++;
      if (lines !== STUDENTS + 1) throw new Error(`grades CSV has ${lines} lines, expected ${STUDENTS + 1}`);
    },
    attemptsCsv: async () => {
      let lines = 0;
      for await (const _line of assessmentAttemptsCsv(owner, assessment)) lines++;
      const expected = STUDENTS * SLOTS * TRIES + 1;
      if (lines !== expected) throw new Error(`attempts CSV has ${lines} lines, expected ${expected}`);
    },
  };
  // The parts, for the table: which query a slow page should blame.
  const parts: Record<string, () => Promise<unknown>> = {
    "  courseScoreDistributions": () => courseScoreDistributions(owner, course),
    "  masteryHeatmap": () => masteryHeatmap(owner, course),
    "  progressOverTime": () => progressOverTime(owner, course),
    "  scoreDistribution": () => scoreDistribution(owner, assessment),
    "  itemStats": () => itemStats(owner, assessment),
    "  cronbachAlpha": () => cronbachAlpha(owner, assessment),
  };
  const timed: Record<string, number> = {};
  for (const [name, work] of Object.entries({ ...pages, ...exports, ...parts })) {
    await work(); // warm-up: connections, plans, the key cache
    const runs: number[] = [];
    for (let i = 0; i < args.reps; i++) {
      const t = performance.now();
      await work();
      runs.push(performance.now() - t);
    }
    timed[name] = Math.round(median(runs) * 10) / 10;
  }
  await disconnectPrisma();
  console.log(`\n${"server work".padEnd(28)} ${"median ms".padStart(10)}   (${args.reps} runs, ${attempts} attempts)`);
  for (const [name, ms] of Object.entries(timed)) console.log(`${name.padEnd(28)} ${ms.toFixed(1).padStart(10)}`);
  const pageTimes = Object.fromEntries(Object.keys(pages).map((k) => [k, timed[k]]));
  const exportTimes = Object.fromEntries(Object.keys(exports).map((k) => [k, timed[k]]));
  console.log(JSON.stringify({ attempts, maxServerMs: Math.max(...Object.values(pageTimes)), pages: pageTimes, exports: exportTimes }));
}

main().catch(async (error) => {
  console.error(error);
  await disconnectPrisma().catch(() => undefined);
  process.exit(1);
});
