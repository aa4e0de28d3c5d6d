import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects, so `npm test` can run the pure suites everywhere and the database suites once
// per target (a real PostgreSQL and the embedded PGlite), chosen by HEAPWISE_TEST_DB.
const integration = ["test/db/**/*.test.ts", "test/integration/**/*.test.ts", "test/auth/**/*.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...integration, "test/e2e/**", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: integration,
          exclude: ["node_modules/**"],
          // Each file gets its own database; on 2 cores, one file at a time keeps timings honest.
          fileParallelism: false,
          // These suites drive the submission path as fast as the machine allows, one user per
          // scenario; the per-user limiter (its own unit test: lib/attempts/rate-limit.test.ts)
          // would otherwise answer 429 depending on machine speed.
          env: { HEAPWISE_ATTEMPT_BURST: "100000" },
        },
      },
    ],
  },
});
