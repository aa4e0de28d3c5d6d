// The bank on the simulator: for every template, 100 seeds (HEAPWISE_BANK_SEEDS) on its primary
// version, then 30 seeds on every other version it allows: each variant's key is computed (the
// simulator exits 0, or 1 when the template expects an exception) and the keys pass the
// non-triviality rules of lib/grading/nontrivial.ts (lib/grading/check.ts does both). One test per
// template, so a failure names the template and the reason (unsupported construct, budget,
// internal fault, trivial key...); a summary of all failures is printed at the end.
//
// While the simulator is landing, run one mechanism at a time:
//   HEAPWISE_BANK_MECHANISM=gc,pooling HEAPWISE_BANK_SEEDS=20 npx vitest run test/questions/bank.test.ts
import { afterAll, describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/load";
import { checkTemplate } from "@/lib/grading/check";
import { loadSimulator } from "./simulator";

const SEEDS = Number(process.env.HEAPWISE_BANK_SEEDS ?? 100);
const only = (process.env.HEAPWISE_BANK_MECHANISM ?? "").split(",").filter(Boolean);

const loaded = await loadSimulator();
const bank = loadBank().filter((e) => only.length === 0 || only.includes(e.definition.mechanism));
const failures: string[] = [];

describe(`question bank on the simulator (${bank.length} templates${only.length ? `: ${only.join(", ")}` : ""})`, () => {
  it.each(bank.map((e) => [e.file, e.definition] as const))("%s", (file, definition) => {
    const concept = definition.answer.kind === "choice" || definition.answer.kind === "multi";
    if (!loaded.ok && !concept) {
      failures.push(`${file}: ${loaded.reason}`);
      expect.fail(loaded.reason);
    }
    // Concept questions never reach the simulator; they only need their options checked.
    const sim = loaded.ok ? loaded.sim : { run: () => ({ stdout: "", stderr: "no simulator", exitCode: 70 }) };
    const problems = checkTemplate(sim, definition, { seeds: SEEDS, otherSeeds: Math.min(30, SEEDS) });
    if (problems.length) failures.push(`${file}: ${problems[0]}`);
    expect(problems, file).toEqual([]);
  });
});

afterAll(() => {
  if (failures.length) console.log(`\nbank: ${failures.length} of ${bank.length} templates fail on the simulator:\n  ${failures.join("\n  ")}`);
});
