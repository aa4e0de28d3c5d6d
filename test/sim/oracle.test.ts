/**
 * The agreement test: the simulator against real CPython on every committed expectation.
 *
 * For every program x version (3.10–3.14) x mode (script and repl, always both: the REPL's echo
 * and its carrying on after an error are behaviours of their own) the simulator runs in-process
 * and its {stdout, stderr, exitCode} is compared with the committed outcome. Answering
 * `unsupported` (exit 2) is allowed and counted; any other different answer is wrong and fails.
 * Matched cells per version may not fall below test/sim/coverage-floor.json; run with
 * UPDATE_FLOOR=1 (or `npx tsx scripts/oracle/update-floor.ts`) to raise it to this run's counts.
 * A per-version agreement table is printed after the run.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { run } from "../../lib/sim/index";
import {
  MODES,
  ROOT,
  VERSIONS,
  listPrograms,
  readExpectation,
  type Outcome,
  type Version,
} from "./expectation";

const FLOOR_FILE = path.join(ROOT, "test", "sim", "coverage-floor.json");
const FloorSchema = z.object({ "3.10": z.number(), "3.11": z.number(), "3.12": z.number(), "3.13": z.number(), "3.14": z.number() });

interface Tally {
  matched: number;
  /** Programs marked `# expect: unsupported` (outside the subset) that the simulator refused. */
  refusedAsMarked: number;
  unsupported: number;
  wrong: number;
  skipped: number;
  total: number;
}
const tally = Object.fromEntries(
  VERSIONS.map((v) => [v, { matched: 0, refusedAsMarked: 0, unsupported: 0, wrong: 0, skipped: 0, total: 0 }]),
) as Record<Version, Tally>;
const skipReasons = new Map<string, number>();

const programs = listPrograms();

function show(o: Outcome): string {
  return JSON.stringify(o);
}

describe("oracle corpus", () => {
  it("has at least 300 programs, each with a generated expectation", () => {
    expect(programs.length).toBeGreaterThanOrEqual(300);
    const missing = programs.filter((p) => readExpectation(p) === null).map((p) => p.id);
    expect(missing, "run `npx tsx scripts/gen-oracle.ts` for these").toEqual([]);
  });

  for (const p of programs) {
    it(p.id, () => {
      const e = readExpectation(p);
      if (!e) return; // reported by the test above
      const problems: string[] = [];
      for (const v of VERSIONS) {
        const cell = e[v];
        for (const mode of MODES) {
          const t = tally[v];
          t.total++;
          if (cell.pyodideQuirk) {
            t.skipped++;
            skipReasons.set(cell.pyodideQuirk, (skipReasons.get(cell.pyodideQuirk) ?? 0) + 1);
            continue;
          }
          const want = cell[mode];
          const r = run(p.source, { python: v, mode });
          const got: Outcome = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
          if (p.expectUnsupported || p.unsupportedIn?.mode === mode) {
            if (got.exitCode === 2) t.refusedAsMarked++;
            else {
              t.wrong++;
              problems.push(`${v} ${mode}: marked "# expect: unsupported" but got ${show(got)}`);
            }
            continue;
          }
          if (got.exitCode === 2 && want.exitCode !== 2) {
            // Never a wrong answer, but not agreement either: the issue asks for 100%.
            t.unsupported++;
            problems.push(`${v} ${mode}: refused (${got.stderr.trim()}) where CPython answers ${show(want)}`);
          } else if (got.stdout === want.stdout && got.stderr === want.stderr && got.exitCode === want.exitCode) {
            t.matched++;
          } else {
            t.wrong++;
            problems.push(`${v} ${mode}:\n      want ${show(want)}\n      got  ${show(got)}`);
          }
        }
      }
      expect(problems, `${p.id}: the simulator gave a different answer from CPython`).toEqual([]);
    });
  }

  it("does not fall below the committed coverage floor", () => {
    const floor = FloorSchema.parse(JSON.parse(fs.readFileSync(FLOOR_FILE, "utf8")));
    if (process.env.UPDATE_FLOOR === "1") {
      const next = Object.fromEntries(VERSIONS.map((v) => [v, tally[v].matched]));
      fs.writeFileSync(FLOOR_FILE, `${JSON.stringify(next, null, 2)}\n`);
      return;
    }
    for (const v of VERSIONS) {
      expect(tally[v].matched, `matched cells for ${v} fell below the floor`).toBeGreaterThanOrEqual(floor[v]);
    }
  });
});

afterAll(() => {
  const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
  const rows = VERSIONS.map((v) => {
    const t = tally[v];
    const checked = t.total - t.skipped;
    const agreed = t.matched + t.refusedAsMarked;
    return `  ${v}  ${String(t.matched).padStart(7)}  ${String(t.refusedAsMarked).padStart(7)}  ${String(t.unsupported).padStart(11)}  ${String(t.wrong).padStart(5)}  ${String(t.skipped).padStart(7)}  ${String(t.total).padStart(5)}  ${pct(agreed, checked).padStart(6)}`;
  });
  const lines = [
    `\nSimulator vs CPython: ${programs.length} programs x 2 modes per version`,
    "  ver   matched  refused  unsupported  wrong  skipped  total  agree%",
    ...rows,
    "  (refused: programs marked `# expect: unsupported` (or unsupported in one mode), refused as they must be;",
    "   agree% = (matched + refused) / (total - skipped); `unsupported` counts every other refusal)",
    ...[...skipReasons].map(([why, n]) => `  skipped ${n} x 3.14 cell(s): ${why}`),
    ...programs.filter((p) => p.unsupportedIn).map((p) => `  refused in ${p.unsupportedIn?.mode} mode, as marked: ${p.id}: ${p.unsupportedIn?.why}`),
  ];
  console.log(lines.join("\n"));
});
