// The environment, read and validated once.
//
// Two modes. `demo` (the default, what `npm run demo` starts) needs nothing: without DATABASE_URL
// the start script serves an embedded PGlite, and the auth secret is generated once per data
// folder and kept in `<data dir>/secret`, so sessions survive a restart and no secret is ever
// committed. `production` refuses to start without DATABASE_URL and NEXTAUTH_SECRET.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

// An empty variable (`DATABASE_URL=` in a .env file) means "not set", not "invalid".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const rawSchema = z.object({
  HEAPWISE_MODE: z.enum(["demo", "production"]).default("demo"),
  DATABASE_URL: optional(postgresUrl),
  // Connections per process. The embedded database serves one (see lib/db/embedded.ts).
  DATABASE_POOL_MAX: optional(z.coerce.number().int().min(1).max(100)),
  NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)")),
  NEXTAUTH_URL: optional(z.url()),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).transform((port) => port ?? 3000),
  HEAPWISE_DATA_DIR: optional(z.string()),
});

export type Env = {
  mode: "demo" | "production";
  databaseUrl: string | undefined;
  databasePoolMax: number | undefined;
  nextAuthSecret: string;
  // Unset in production: next-auth then takes the host from the request.
  nextAuthUrl: string | undefined;
  port: number;
  dataDir: string;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Heapwise cannot start: the environment is not valid.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Where demo data lives: the embedded database and the generated secret. Git-ignored. */
export function defaultDataDir(): string {
  return path.resolve(process.cwd(), ".data");
}

/**
 * The demo's secret for one data folder: read it, or create it (random, 0600) on first use.
 * Tied to the folder, so deleting `.data` resets the database and invalidates old sessions together.
 */
export function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Validates an environment; pure apart from creating the demo secret file when it is needed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`));
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.HEAPWISE_DATA_DIR ?? defaultDataDir());
  if (raw.HEAPWISE_MODE === "production") {
    const problems: string[] = [];
    if (!raw.DATABASE_URL) problems.push("DATABASE_URL is required in production (postgresql://user:password@host:5432/db)");
    if (!raw.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is required in production (`openssl rand -base64 32`)");
    if (problems.length > 0) throw new EnvError(problems);
  }
  return {
    mode: raw.HEAPWISE_MODE,
    databaseUrl: raw.DATABASE_URL,
    databasePoolMax: raw.DATABASE_POOL_MAX,
    nextAuthSecret: raw.NEXTAUTH_SECRET ?? demoSecret(dataDir),
    nextAuthUrl: raw.NEXTAUTH_URL ?? (raw.HEAPWISE_MODE === "demo" ? `http://localhost:${raw.PORT}` : undefined),
    port: raw.PORT,
    dataDir,
  };
}

const KEYS = Object.keys(rawSchema.shape) as (keyof typeof rawSchema.shape)[];
let cached: { key: string; env: Env } | undefined;
// A production server's environment does not change while it runs, and getEnv is called on every
// query (lib/db/client.ts), where reading process.env (a native lookup per variable) cost ~2.5 µs.
const FROZEN = process.env.NODE_ENV === "production";

/**
 * The process environment, validated on first use and again only if one of its variables changed
 * (tests point DATABASE_URL at a fresh database per file after modules are loaded); in production
 * only once.
 */
export function getEnv(): Env {
  if (FROZEN && cached) return cached.env;
  const key = JSON.stringify(KEYS.map((name) => process.env[name] ?? null));
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}
