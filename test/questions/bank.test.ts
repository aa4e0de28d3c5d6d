// The bank on the simulator: for every template, 100 seeds (HEAPWISE_BANK_SEEDS) on its primary
// version, then 10 seeds on every other version it allows: each variant's key is computed (the
// simulator exits 0, or 1 when the template expects an exception) and the keys pass the
// non-triviality rules of lib/grading/nontrivial.ts. One test per template, so a failure names
// the template and the reason (unsupported construct, budget, fault, trivial key...).
//
// While the simulator is landing, run one mechanism at a time:
//   HEAPWISE_BANK_MECHANISM=gc,pooling npx vitest run test/questions/bank.test.ts
import { afterAll, describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/load";
import { PYTHON_VERSIONS, type PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant, type Variant } from "@/lib/questions/variant";
import { computeKeyWith, type KeyAnswer } from "@/lib/grading/key";
import { trivialityProblem } from "@/lib/grading/nontrivial";
import { loadSimulator } from "./simulator";

const SEEDS = Number(process.env.HEAPWISE_BANK_SEEDS ?? 100);
const OTHER_SEEDS = Math.min(10, SEEDS);
const only = (process.env.HEAPWISE_BANK_MECHANISM ?? "").split(",").filter(Boolean);
const PRIMARY: PythonVersion = "3.12";

const loaded = await loadSimulator();
const bank = loadBank().filter((e) => only.length === 0 || only.includes(e.definition.mechanism));
const failures: string[] = [];

function primaryVersion(d: QuestionDefinition): PythonVersion {
  return d.pythonVersions && !d.pythonVersions.includes(PRIMARY) ? d.pythonVersions[0] : PRIMARY;
}

describe(`question bank on the simulator (${bank.length} templates${only.length ? `: ${only.join(", ")}` : ""})`, () => {
  it.each(bank.map((e) => [e.file, e.definition] as const))("%s", (file, definition) => {
    const concept = definition.answer.kind === "choice" || definition.answer.kind === "multi";
    if (!loaded.ok && !concept) {
      failures.push(`${file}: ${loaded.reason}`);
      expect.fail(loaded.reason);
    }
    const problems: string[] = [];
    const primary = primaryVersion(definition);
    // Alternatives (counterfactual runs) are for feedback; the gradability check runs without them.
    const bare = { ...definition, misconceptions: [] };
    const variants: Variant[] = [];
    const keys: KeyAnswer[] = [];
    const sim = loaded.ok ? loaded.sim : { run: () => ({ stdout: "", stderr: "", exitCode: 70 }) };
    for (let seed = 0; seed < SEEDS && problems.length < 3; seed++) {
      const v = makeVariant(definition, seed);
      const r = computeKeyWith(sim, bare, v, primary);
      if (r.ok) {
        variants.push(v);
        keys.push(r.key.answer);
      } else problems.push(`seed ${seed} on ${primary}: ${r.error.code}: ${r.error.message}`);
    }
    if (problems.length === 0) {
      const trivial = trivialityProblem(definition, variants, keys);
      if (trivial) problems.push(`trivial on ${primary}: ${trivial}`);
    }
    for (const version of PYTHON_VERSIONS) {
      if (version === primary || (definition.pythonVersions && !definition.pythonVersions.includes(version))) continue;
      for (let seed = 0; seed < OTHER_SEEDS && problems.length < 5; seed++) {
        const r = computeKeyWith(sim, bare, makeVariant(definition, seed), version);
        if (!r.ok) problems.push(`seed ${seed} on ${version}: ${r.error.code}: ${r.error.message}`);
      }
    }
    // With alternatives on: the counterfactual runs must not break the key.
    const full = computeKeyWith(sim, definition, makeVariant(definition, 0), primary);
    if (!full.ok) problems.push(`with counterfactuals: ${full.error.code}: ${full.error.message}`);
    if (problems.length) failures.push(`${file}: ${problems[0]}`);
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  if (failures.length) console.log(`\nbank: ${failures.length} of ${bank.length} templates fail on the simulator:\n  ${failures.join("\n  ")}`);
});
