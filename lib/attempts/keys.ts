// Answer keys are computed, never stored (prisma/schema.prisma says why). A key depends only on
// (question version, seed, Python version), and versions are immutable, so a computed key can
// be cached under exactly that triple; the cache is per process and bounded. Parsed definitions
// are cached the same way, by version id.
//
// keyForAsync is the request path's entry: the simulation runs on the grading pool
// (lib/grading-pool), off the event loop, and concurrent requests for one key share one run.
// There, the key of a simulated kind is a function of (version, Python, the variant's program
// text) alone (lib/grading/key.ts computeKeyWith reads variant.code, nothing else of the variant),
// so it is cached under that: seeds that render the same program (a template with 900 programs
// and thousands of students) share one simulation.
import { computeKeyWith, type KeyResult, type Simulator } from "@/lib/grading";
import { computeKeyAsync, isPoolLimit } from "@/lib/grading-pool";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant, type Variant } from "@/lib/questions/variant";
import { Lru } from "./lru";
import { getSimulator, libSim } from "./simulator";

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

const inFlight = new Map<string, Promise<KeyResult>>();
// A version whose run the pool had to stop (wall clock or memory) is not gradable for a while,
// for every seed: a hostile template must not take a worker for the limit once per student who
// submits to it. Only for a while: on a badly overloaded machine a limit is not a property of the
// question. (The simulator's own budgets are deterministic and cached like any key.)
const STOPPED_TTL_MS = 60_000;
const stoppedVersions = new Lru<string, { result: KeyResult; until: number }>(1024);

/**
 * The key of a variant, computed on the grading pool. Keys that need no simulation (choice,
 * multi) and a simulator swapped in by tests (./simulator.ts) are computed in this thread.
 */
export async function keyForAsync(versionId: string, definition: QuestionDefinition, variant: Variant, python: PythonVersion): Promise<KeyResult> {
  const sim = getSimulator();
  const kind = definition.answer.kind;
  if (sim !== libSim || kind === "choice" || kind === "multi") return keyFor(sim, versionId, definition, variant, python);
  const cacheKey = `${versionId}\u0000${python}\u0000${variant.code}`;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  const stopped = stoppedVersions.get(versionId);
  if (stopped && stopped.until > Date.now()) return stopped.result;
  const running = inFlight.get(cacheKey);
  if (running) return running;
  const computing = computeKeyAsync(definition, variant, python)
    .then((result) => {
      if (!result.ok && isPoolLimit(result)) stoppedVersions.set(versionId, { result, until: Date.now() + STOPPED_TTL_MS });
      else keys.set(cacheKey, result);
      return result;
    })
    .finally(() => inFlight.delete(cacheKey));
  inFlight.set(cacheKey, computing);
  return computing;
}
