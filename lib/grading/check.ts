// Checks a template before it is used: every variant over many seeds must be gradable on the
// simulator, and the keys must pass the non-triviality rules (lib/grading/nontrivial.ts). The
// bank test runs it on every file; the authoring page can run it on a draft before publishing.
import { PYTHON_VERSIONS, type PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant, type Variant } from "@/lib/questions/variant";
import { computeKeyWith, type KeyAnswer } from "./key";
import { trivialityProblem } from "./nontrivial";
import type { Simulator } from "./simulator";

export const PRIMARY_VERSION: PythonVersion = "3.12";

/** The version a template is checked (and by default graded) under. */
export function primaryVersion(d: QuestionDefinition): PythonVersion {
  return d.pythonVersions && !d.pythonVersions.includes(PRIMARY_VERSION) ? d.pythonVersions[0] : PRIMARY_VERSION;
}

export interface CheckOptions {
  /** Seeds 0..seeds-1 on the primary version. */
  seeds: number;
  /** Seeds 0..otherSeeds-1 on every other version the template allows (non-triviality too from 20). */
  otherSeeds: number;
}

/** Problems found, most important first; empty when the template is fit to grade. */
export function checkTemplate(sim: Simulator, definition: QuestionDefinition, options: CheckOptions): string[] {
  const problems: string[] = [];
  const primary = primaryVersion(definition);
  // Counterfactual runs serve feedback only; gradability is checked without them, then once with.
  const bare: QuestionDefinition = { ...definition, misconceptions: [] };
  const versions = [primary, ...PYTHON_VERSIONS.filter((v) => v !== primary && (!definition.pythonVersions || definition.pythonVersions.includes(v)))];
  for (const version of versions) {
    const seeds = version === primary ? options.seeds : options.otherSeeds;
    const variants: Variant[] = [];
    const keys: KeyAnswer[] = [];
    let failed = false;
    for (let seed = 0; seed < seeds && !failed; seed++) {
      const v = makeVariant(definition, seed);
      const r = computeKeyWith(sim, bare, v, version);
      if (r.ok) {
        variants.push(v);
        keys.push(r.key.answer);
      } else {
        problems.push(`seed ${seed} on ${version}: ${r.error.code}: ${r.error.message}`);
        failed = true;
      }
    }
    // The rules need enough seeds to see variety; a handful only checks gradability.
    const trivial = !failed && seeds >= 20 ? trivialityProblem(definition, variants, keys) : null;
    if (trivial) problems.push(`trivial on ${version}: ${trivial}`);
  }
  const full = computeKeyWith(sim, definition, makeVariant(definition, 0), primary);
  if (!full.ok) problems.push(`with counterfactuals: ${full.error.code}: ${full.error.message}`);
  return problems;
}
