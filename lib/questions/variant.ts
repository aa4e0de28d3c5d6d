// A variant is a template with its parameters chosen from a seed. The same (template, seed) gives
// the same variant on every machine and every run: that is what lets a student resume an attempt,
// and an instructor regrade it, without storing the generated text.
//
// Parameters are resolved in sorted name order, not object order, because PostgreSQL's jsonb
// reorders object keys: a definition read back from the database must give the same variant as
// the file it was imported from.
import { MARKER, PLACEHOLDER, type ParamSpec, type ParamValue, type QuestionDefinition } from "./schema";

export interface Variant {
  seed: number;
  params: Record<string, ParamValue>;
  prompt: string;
  code: string;
  /** choice/multi: the options in the order this student sees them (indices into the definition). */
  optionOrder?: number[];
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for picking parameters, not for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units, finished with murmur3's fmix so near inputs spread apart. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of one student's attempt at one question: stable, and different per attempt. */
export function variantSeed(userId: string, questionId: string, attemptNumber: number): number {
  return hash32(`${userId}\u0000${questionId}\u0000${attemptNumber}`);
}

function pick(spec: ParamSpec, rand: () => number, avoid: ParamValue[]): ParamValue {
  const same = (a: ParamValue, b: ParamValue) => JSON.stringify(a) === JSON.stringify(b);
  if ("int" in spec) {
    const [lo, hi] = spec.int;
    const pool: number[] = [];
    for (let v = lo; v <= hi; v++) if (!avoid.some((x) => same(x, v))) pool.push(v);
    if (pool.length === 0) throw new Error("no value left for a distinctFrom parameter");
    return pool[Math.floor(rand() * pool.length)];
  }
  const pool = spec.choice.filter((c) => !avoid.some((x) => same(x, c)));
  if (pool.length === 0) throw new Error("no choice left for a distinctFrom parameter");
  return pool[Math.floor(rand() * pool.length)];
}

/** Resolves every parameter; a parameter with distinctFrom waits until those are chosen. */
export function chooseParams(params: Record<string, ParamSpec>, rand: () => number): Record<string, ParamValue> {
  const chosen: Record<string, ParamValue> = {};
  const pending = Object.keys(params).sort();
  while (pending.length > 0) {
    const i = pending.findIndex((n) => (params[n].distinctFrom ?? []).every((d) => d in chosen));
    if (i < 0) throw new Error("distinctFrom forms a cycle");
    const [name] = pending.splice(i, 1);
    chosen[name] = pick(params[name], rand, (params[name].distinctFrom ?? []).map((d) => chosen[d]));
  }
  return chosen;
}

export function render(text: string, params: Record<string, ParamValue>): string {
  return text.replace(PLACEHOLDER, (whole, name: string, field: string | undefined) => {
    const v = params[name];
    if (v === undefined) throw new Error(`placeholder ${whole} names no parameter`);
    if (typeof v === "object") {
      if (field === undefined || !(field in v)) throw new Error(`placeholder ${whole} needs a field of ${name}`);
      return String(v[field]);
    }
    if (field !== undefined) throw new Error(`placeholder ${whole}: ${name} has no fields`);
    return String(v);
  });
}

function shuffled(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function makeVariant(definition: QuestionDefinition, seed: number): Variant {
  const rand = mulberry32(seed);
  const params = chooseParams(definition.params, rand);
  const variant: Variant = { seed: seed >>> 0, params, prompt: render(definition.prompt, params), code: render(definition.code, params) };
  const a = definition.answer;
  // Shuffled so an author's habit (correct option first) does not become a pattern students learn.
  if (a.kind === "choice" || a.kind === "multi") variant.optionOrder = shuffled(a.options.length, rand);
  return variant;
}

/** The options as this variant shows them, already rendered. */
export function variantOptions(definition: QuestionDefinition, variant: Variant): string[] {
  const a = definition.answer;
  if (a.kind !== "choice" && a.kind !== "multi") return [];
  const order = variant.optionOrder ?? a.options.map((_, i) => i);
  return order.map((i) => render(a.options[i], variant.params));
}

/** 1-based line numbers of the marked lines of a variant's code. */
export function markerLines(code: string): Map<string, number> {
  const out = new Map<string, number>();
  code.split("\n").forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m) out.set(m[1], i + 1);
  });
  return out;
}
