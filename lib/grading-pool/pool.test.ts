// The grading pool against the in-process grading core: the same keys for bank questions, a run
// over the wall-clock limit stopped and its worker replaced, and a full queue refused at once.
import { afterAll, describe, expect, it } from "vitest";
import { computeKey, computeKeyWith } from "@/lib/grading";
import { enumerateRace, run } from "@/lib/sim/index";
import { loadBank } from "@/lib/questions/load";
import { makeVariant } from "@/lib/questions/variant";
import { closeGradingPool, computeKeyAsync, runSimAsync, workerFiles } from "./index";
import { PoolOverloaded, PoolTaskError, WorkerPool } from "./pool";

afterAll(() => closeGradingPool());

describe("grading pool", () => {
  it("computes the same keys as lib/grading in this thread", async () => {
    const bank = loadBank();
    // Every simulated kind the bank has, a few seeds each; a spread, not the whole bank (the
    // bank's own tests cover every template).
    const picks = bank.filter((_, i) => i % Math.max(1, Math.floor(bank.length / 12)) === 0).slice(0, 12);
    for (const { definition } of picks) {
      for (const seed of [1, 77]) {
        const variant = makeVariant(definition, seed);
        const python = definition.pythonVersions?.[0] ?? "3.12";
        expect(await computeKeyAsync(definition, variant, python)).toEqual(computeKey(definition, variant, python));
      }
    }
  });

  it("applies a step budget as a bounded simulator in this thread would", async () => {
    const { definition } = loadBank().find((e) => e.definition.slug === "alias-append") ?? loadBank()[0];
    const variant = makeVariant(definition, 5);
    const budget = { maxSteps: 3 };
    const bounded = { run: (s: string, o = {}) => run(s, { ...o, ...budget }), enumerateRace: (s: string, o = {}) => enumerateRace(s, { ...o, ...budget }) };
    const pooled = await computeKeyAsync(definition, variant, "3.12", budget);
    expect(pooled).toEqual(computeKeyWith(bounded, definition, variant, "3.12"));
    expect(pooled).toMatchObject({ ok: false, error: { code: "budget" } });
  });

  it("stops a run at its wall-clock limit, answers as a budget exit, and keeps serving", async () => {
    const files = workerFiles();
    const pool = new WorkerPool({ entry: files.entry, workerData: { worker: files.worker }, size: 1, timeLimitMs: 300, demoteAfterMs: 50, maxQueue: 4 });
    try {
      const started = performance.now();
      const endless = pool.run({ kind: "run", source: "while True:\n    pass\n", options: { maxSteps: 1e12 } });
      await expect(endless).rejects.toBeInstanceOf(PoolTaskError);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(pool.stats().timedOut).toBe(1);
      // The replacement worker answers the next task.
      await expect(pool.run({ kind: "run", source: "print(6 * 7)\n", options: {} })).resolves.toMatchObject({ stdout: "42\n", exitCode: 0 });
    } finally {
      await pool.close();
    }
    // The process-wide pool behind the public API runs simulations too.
    const r = await runSimAsync("print('fine')\n");
    expect(r).toMatchObject({ stdout: "fine\n", exitCode: 0 });
  });

  it("refuses at once when its queue is full", async () => {
    const files = workerFiles();
    const pool = new WorkerPool({ entry: files.entry, workerData: { worker: files.worker }, size: 1, timeLimitMs: 500, maxQueue: 1 });
    try {
      const slow = { kind: "run", source: "while True:\n    pass\n", options: { maxSteps: 1e12 } };
      const running = pool.run(slow).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the first is on the worker (or still queued while it starts)
      const queued = pool.run(slow).catch((e: unknown) => e);
      const third = pool.run(slow).catch((e: unknown) => e);
      const fourth = pool.run(slow).catch((e: unknown) => e);
      const refused = (await Promise.all([third, fourth])).filter((e) => e instanceof PoolOverloaded);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(pool.stats().overloaded).toBeGreaterThanOrEqual(1);
      await Promise.all([running, queued]);
    } finally {
      await pool.close();
    }
  });
});
