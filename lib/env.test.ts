import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "heapwise-env-"));
  dirs.push(dir);
  return dir;
}

const secret = "x".repeat(40);

describe("parseEnv", () => {
  it("defaults to the demo on port 3000 with no database URL (the embedded database)", () => {
    const env = parseEnv({ HEAPWISE_DATA_DIR: dataDir() });
    expect(env).toMatchObject({ mode: "demo", port: 3000, databaseUrl: undefined, nextAuthUrl: "http://localhost:3000" });
  });

  it("production refuses to start without DATABASE_URL and NEXTAUTH_SECRET, naming both", () => {
    const attempt = () => parseEnv({ HEAPWISE_MODE: "production", HEAPWISE_DATA_DIR: dataDir() });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/DATABASE_URL is required in production[\s\S]*NEXTAUTH_SECRET is required in production/);
  });

  it("production with both starts, and leaves NEXTAUTH_URL to next-auth when unset", () => {
    const env = parseEnv({ HEAPWISE_MODE: "production", DATABASE_URL: "postgresql://u:p@db:5432/heapwise", NEXTAUTH_SECRET: secret });
    expect(env).toMatchObject({ mode: "production", databaseUrl: "postgresql://u:p@db:5432/heapwise", nextAuthSecret: secret, nextAuthUrl: undefined });
  });

  it("rejects a short secret, a non-postgres URL, a bad port and an unknown mode", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
    expect(() => parseEnv({ HEAPWISE_MODE: "staging" })).toThrow(/HEAPWISE_MODE/);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: " ", HEAPWISE_DATA_DIR: dataDir() })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it("demo: one random secret per data folder, kept private, the same at the next start", () => {
    const dir = dataDir();
    const first = parseEnv({ HEAPWISE_DATA_DIR: dir }).nextAuthSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "secret"), "utf8").trim()).toBe(first);
    expect(statSync(path.join(dir, "secret")).mode & 0o077).toBe(0);
    expect(parseEnv({ HEAPWISE_DATA_DIR: dir }).nextAuthSecret).toBe(first);
    expect(parseEnv({ HEAPWISE_DATA_DIR: dataDir() }).nextAuthSecret).not.toBe(first);
  });
});
