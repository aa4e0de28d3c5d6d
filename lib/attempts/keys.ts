// Answer keys are computed, never stored (prisma/schema.prisma says why). A key depends only on
// (question version, seed, Python version), and versions are immutable, so a computed key can
// be cached under exactly that triple; the cache is per process and bounded. Parsed definitions
// are cached the same way, by version id.
import { computeKeyWith, type KeyResult, type Simulator } from "@/lib/grading";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant, type Variant } from "@/lib/questions/variant";
import { Lru } from "./lru";

const definitions = new Lru<string, QuestionDefinition>(512);
const keys = new Lru<string, KeyResult>(4096);

/** A stored version's definition; a row that no longer parses is a bug, not a student's problem. */
export function definitionOf(version: { id: string; definition: unknown }): QuestionDefinition {
  const cached = definitions.get(version.id);
  if (cached) return cached;
  const parsed = parseDefinition(version.definition);
  if (!parsed.ok) throw new Error(`QuestionVersion ${version.id} does not parse: ${parsed.errors.join("; ")}`);
  definitions.set(version.id, parsed.definition);
  return parsed.definition;
}

export function variantOf(definition: QuestionDefinition, seed: number): Variant {
  return makeVariant(definition, seed);
}

export function keyFor(sim: Simulator, versionId: string, definition: QuestionDefinition, variant: Variant, python: PythonVersion): KeyResult {
  const cacheKey = `${versionId}\u0000${variant.seed}\u0000${python}`;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  const result = computeKeyWith(sim, definition, variant, python);
  keys.set(cacheKey, result);
  return result;
}
