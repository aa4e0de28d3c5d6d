// scripts/start.ts before Next is involved: production refuses to start without its secrets.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm start (production)", () => {
  it("refuses to start without DATABASE_URL and NEXTAUTH_SECRET, saying which are missing", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HEAPWISE_IGNORE_DOTENV: "1" };
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_SECRET;
    const result = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts", "production"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL is required in production/);
    expect(result.stderr).toMatch(/NEXTAUTH_SECRET is required in production/);
    expect(result.stdout).not.toMatch(/embedded database|applied migration/);
  });
});
